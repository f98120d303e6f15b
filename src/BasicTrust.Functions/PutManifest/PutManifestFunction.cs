using Microsoft.Azure.Functions.Worker;
using Azure.Storage.Blobs.Models;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.Telemetry;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Functions.PutManifest;

/// <summary>
/// <c>PUT /api/sessions/{caseId}/{sessionId}/manifest</c>: validates the manifest (400 with every problem), writes
/// <c>session.json</c>, which starts the pipeline, and answers 202 with the status URL.
/// </summary>
public sealed class PutManifestFunction(PipelineStore store)
{
    [Function("PutManifest"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Results<Accepted<ManifestAccepted>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "sessions/{caseId}/{sessionId}/manifest")] HttpRequest request)
    {
        var (context, session) = (request.HttpContext, CaseCall.Of(request).Session);
        var (text, tooLargeOrNotText) = await RequestBodies.ReadTextAsync(request, ManifestReader.MaxBytes);
        if (tooLargeOrNotText is not null) return tooLargeOrNotText;

        var read = ManifestReader.Read(text!, session.CaseId, session.SessionId);
        if (FieldProblem.Of(read.Problems, Severity.Error) is { Count: > 0 } errors) return ApiResults.BadRequest("api.manifest.detail", errors);

        // The session's trace begins here; PlanSession continues it from the manifest's metadata.
        using var step = PipelineTelemetry.StartStep("upload", session, traceParent: null);
        var trace = PipelineTelemetry.Current is { } current ? new Dictionary<string, string> { [PipelineTelemetry.TraceParentMetadata] = current } : null;
        var stored = await store.Blob(SessionKey.Recordings, session.Manifest).UploadAsync(BinaryData.FromString(text!),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Metadata = trace }, context.RequestAborted);
        var status = $"/api/sessions/{session.CaseId}/{session.SessionId}";
        return TypedResults.Accepted(status, new ManifestAccepted(status, FieldProblem.Of(read.Problems, Severity.Warning, ApiLanguage.Of(request)), stored.Value.ETag.ToString()));
    }
}
