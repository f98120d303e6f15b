using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Azure.Storage.Blobs.Models;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Functions.PutManifest;

/// <summary>
/// <c>PUT /api/sessions/{caseId}/{sessionId}/manifest</c>: validates the manifest (400 with every problem), writes
/// <c>session.json</c>, which starts the pipeline, and answers 202 with the status URL.
/// </summary>
public sealed class PutManifestFunction(PipelineStore store, CaseGate gate)
{
    [Function("PutManifest")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "sessions/{caseId}/{sessionId}/manifest")] HttpRequest request, string caseId, string sessionId)
    {
        var context = request.HttpContext;
        if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return problem!;
        if ((await gate.CheckAsync(context, caseId, CaseAction.Upload)).Refusal is { } refusal) return refusal;
        var (text, tooLargeOrNotText) = await RequestBodies.ReadTextAsync(request, ManifestReader.MaxBytes, "manifest");
        if (tooLargeOrNotText is not null) return tooLargeOrNotText;

        var read = ManifestReader.Read(text!);
        var errors = read.Problems.Where(p => p.Severity == Severity.Error).Select(p => new FieldProblem(p.Path, p.Rule, p.Message)).ToList();
        if (read.Manifest is { } m && (m.CaseId, m.SessionId) != (session.CaseId, session.SessionId))
            errors.Add(new FieldProblem("caseId", "matches-path", $"The manifest is for {m.CaseId}/{m.SessionId}, not {session.Folder}."));
        if (errors.Count > 0) return ApiResults.BadRequest("The manifest has problems; nothing was stored.", errors);

        await store.Blob(SessionKey.Recordings, session.Manifest).UploadAsync(BinaryData.FromString(text!),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, context.RequestAborted);
        var status = $"/api/sessions/{session.CaseId}/{session.SessionId}";
        return Results.Json(new { status, warnings = read.Problems.Where(p => p.Severity == Severity.Warning).Select(p => new FieldProblem(p.Path, p.Rule, p.Message)) },
            Json.Options, statusCode: StatusCodes.Status202Accepted);
    }
}
