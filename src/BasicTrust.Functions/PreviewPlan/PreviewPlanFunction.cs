using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
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
public sealed class PreviewPlanFunction
{
    [Function("PreviewPlan"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Results<Ok<PlanPreview>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sessions/{caseId}/{sessionId}/plan")] HttpRequest request)
    {
        var session = CaseCall.Of(request).Session;
        if (!double.TryParse(request.Query["duration"].FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || TimeCode.FromSeconds(seconds) is not { } duration || duration <= TimeSpan.Zero)
            return ApiResults.BadRequest("api.duration.detail", [FieldProblem.Create("duration", "seconds", "problem.seconds")]);
        var (text, unreadable) = await RequestBodies.ReadTextAsync(request, ManifestReader.MaxBytes);
        if (unreadable is not null) return unreadable;

        var read = ManifestReader.Read(text!, session.CaseId, session.SessionId);
        var problems = read.Problems.ToList();
        ReelPlan? plan = null;
        if (read.Manifest is { } manifest)
        {
            var result = SessionPlanner.Plan(manifest, duration, "preview");
            plan = result.Plan;
            problems.AddRange(result.Problems);
        }
        var language = plan?.Settings.Language ?? "nl";
        // The problems in the reader's language; the chapters in the reel's, as the parent will see them.
        var reader = ApiLanguage.Of(request);
        return TypedResults.Ok(new PlanPreview(problems.All(p => p.Severity != Severity.Error),
            FieldProblem.Of(problems, Severity.Error, reader), FieldProblem.Of(problems, Severity.Warning, reader),
            plan?.Duration, plan is null ? null : [.. plan.Clips.Select(c => PlannedClip.From(c, language))], plan?.Chapters));
    }
}
