using Microsoft.Extensions.Options;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Link = BasicTrust.Contracts.Api.UploadLink;

namespace BasicTrust.Functions.UploadLink;

/// <summary>
/// <c>POST /api/sessions/{caseId}/{sessionId}/upload</c> <c>{fileName, size}</c>: a create/write-only link for the
/// session's recording, valid <see cref="PipelineOptions.UploadLinkLifetime"/> (30 minutes). Refused when the session already has a recording under another name.
/// </summary>
public sealed class UploadLinkFunction(PipelineStore store, AuditLog audit, TimeProvider clock, IOptions<PipelineOptions> options)
{
    public const long MaxBytes = 50L * 1024 * 1024 * 1024;

    [Function("UploadLink"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Results<Ok<Link>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sessions/{caseId}/{sessionId}/upload")] HttpRequest http)
    {
        var (context, call) = (http.HttpContext, CaseCall.Of(http));
        var session = call.Session;
        // The guidance ended: no new recordings (its recordings are deleted after the retention).
        if (call.Case!.Privacy.ClosedAt is not null)
            return ApiResults.Problem(409, "api.guidance-ended.title", "api.guidance-ended.detail", [FieldProblem.Create("caseId", "in-guidance", "problem.consent.closed")]);
        var (request, unreadable) = await RequestBodies.ReadJsonAsync<UploadRequest>(http, 64 * 1024, """{"fileName": "recording.mp4", "size": 123}""");
        if (unreadable is not null) return unreadable;
        var errors = new List<FieldProblem>();
        if (request?.FileName is not { } fileName || !RecordingFileName.IsValid(fileName))
            errors.Add(FieldProblem.Create("fileName", "video-file-name", "problem.video-file-name"));
        if (request?.Size is not (> 0 and <= MaxBytes))
            errors.Add(FieldProblem.Create("size", "range", "problem.range.size", ("max", MaxBytes)));
        if (errors.Count > 0) return ApiResults.BadRequest("api.upload.detail", errors);

        var recordings = store.Service.GetBlobContainerClient(SessionKey.Recordings);
        await foreach (var existing in recordings.GetBlobsAsync(new GetBlobsOptions { Prefix = session.Folder + "/" }, context.RequestAborted))
        {
            // Once the manifest is accepted the recording is what the plan was made from: it is never replaced.
            if (existing.Name == session.Manifest)
                return ApiResults.Problem(409, "api.recording-final.title", "api.recording-final.detail");
            if (existing.Name != session.Recording(request!.FileName!))
                return ApiResults.Problem(409, "api.has-recording.title", "api.has-recording.detail", null, ("recording", Path.GetFileName(existing.Name)));
        }

        var blob = recordings.GetBlobClient(session.Recording(request!.FileName!));
        // Write as well as Create: storage needs it for Put Block. Once planned, the recording is sealed (PipelineStore.SealAsync).
        var link = await store.LinkAsync(blob, BlobSasPermissions.Create | BlobSasPermissions.Write, options.Value.UploadLinkLifetime, context.RequestAborted);
        var now = clock.GetUtcNow();
        var expires = now + options.Value.UploadLinkLifetime;
        // Storage will hold the blocks received, not how many there are to come: the page asks (GetRecording) how far it got.
        await store.WriteAsync(SessionKey.Pipeline, session.Upload, new UploadDocument(request.FileName!, request.Size!.Value, now), cancellationToken: context.RequestAborted);
        await audit.WriteAsync(call.Who.ObjectId, "upload-link", $"{SessionKey.Recordings}/{blob.Name}", expires, context.RequestAborted);
        return TypedResults.Ok(new Link(link, $"{SessionKey.Recordings}/{blob.Name}", expires, request.Size!.Value));
    }

}
