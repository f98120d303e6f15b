using Microsoft.Azure.Functions.Worker;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.GetRecording;

/// <summary>
/// <c>GET /api/sessions/{caseId}/{sessionId}/recording</c>, for the owner's session page after a reload: the recording
/// storage holds (its name, size and when it was stored), or the upload begun and how much of it storage received, so
/// the page can say where the upload stopped and how to go on. 404 before any upload was begun.
/// </summary>
public sealed class GetRecordingFunction(PipelineStore store)
{
    [Function("GetRecording"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Results<Ok<RecordingUpload>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{caseId}/{sessionId}/recording")] HttpRequest request)
    {
        var (cancellationToken, session) = (request.HttpContext.RequestAborted, CaseCall.Of(request).Session);
        var recordings = store.Service.GetBlobContainerClient(SessionKey.Recordings);
        var begun = (await store.ReadAsync<UploadDocument>(SessionKey.Pipeline, session.Upload, cancellationToken)).Value;

        // The committed recording: the one begun here, or one uploaded before uploads were noted.
        string? name = begun?.FileName;
        if (name is null)
            await foreach (var blob in recordings.GetBlobsAsync(new GetBlobsOptions { Prefix = session.Folder + "/" }, cancellationToken))
                if (blob.Name != session.Manifest) { name = Path.GetFileName(blob.Name); break; }
        if (name is null) return ApiResults.NotFound("api.no-upload.detail", ("session", session.Folder));

        var recording = recordings.GetBlockBlobClient(session.Recording(name));
        try
        {
            var stored = (await recording.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return TypedResults.Ok(new RecordingUpload(name, stored.ContentLength, true, stored.ContentLength, stored.LastModified, begun?.At));
        }
        catch (RequestFailedException e) when (e.Status == 404) { }

        // Not committed yet: the blocks staged so far.
        var received = (await UploadLink.UploadedBlocksFunction.StagedAsync(recording, cancellationToken)).Sum(b => b.SizeLong);
        return TypedResults.Ok(new RecordingUpload(name, begun?.Size ?? 0, false, received, StartedAt: begun?.At));
    }
}
