using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Functions.PreviewPlan;

/// <summary>
/// <c>POST /api/sessions/{caseId}/{sessionId}/plan?duration=SECONDS</c> with a manifest: a dry run of the pipeline's
/// own planning (the same <see cref="SessionPlanner"/>) for the editor, nothing stored. Answers the clips after
/// pre/post roll and merging, in showing order, the reel's length, and every problem (errors and warnings), each
/// naming its field; <c>valid</c> says whether the manifest would be accepted.
/// </summary>
public sealed class PreviewPlanFunction(CaseGate gate)
{
    [Function("PreviewPlan")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sessions/{caseId}/{sessionId}/plan")] HttpRequest request, string caseId, string sessionId)
    {
        var context = request.HttpContext;
        if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return problem!;
        if ((await gate.CheckAsync(context, caseId, CaseAction.Upload)).Refusal is { } refusal) return refusal;
        if (!double.TryParse(request.Query["duration"].FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || TimeCode.FromSeconds(seconds) is not { } duration || duration <= TimeSpan.Zero)
            return ApiResults.BadRequest("The recording's length is needed.", [new FieldProblem("duration", "seconds", "duration must be the recording's length in seconds, e.g. 183.4.")]);
        var (text, unreadable) = await RequestBodies.ReadTextAsync(request, ManifestReader.MaxBytes, "manifest");
        if (unreadable is not null) return unreadable;

        var read = ManifestReader.Read(text!);
        var problems = read.Problems.ToList();
        ReelPlan? plan = null;
        if (read.Manifest is { } manifest)
        {
            if ((manifest.CaseId, manifest.SessionId) != (session.CaseId, session.SessionId))
                problems.Add(new Problem(Severity.Error, "caseId", "matches-path", $"The manifest is for {manifest.CaseId}/{manifest.SessionId}, not {session.Folder}."));
            var result = SessionPlanner.Plan(manifest, duration, "preview");
            plan = result.Plan;
            problems.AddRange(result.Problems);
        }
        var language = plan?.Settings.Language ?? "nl";
        return Results.Json(new
        {
            valid = problems.All(p => p.Severity != Severity.Error),
            duration = plan?.Duration,
            clips = plan?.Clips.Select(c => PlannedClip.From(c, language)),
            chapters = plan?.Chapters,
            errors = Fields(problems, Severity.Error),
            warnings = Fields(problems, Severity.Warning),
        }, Json.Options);
    }

    static IEnumerable<FieldProblem> Fields(IEnumerable<Problem> problems, Severity severity) =>
        problems.Where(p => p.Severity == severity).Select(p => new FieldProblem(p.Path, p.Rule, p.Message));
}
