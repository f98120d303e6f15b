using Microsoft.Azure.Functions.Worker;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.UploadLink;

/// <summary>
/// <c>GET /api/sessions/{caseId}/{sessionId}/upload?fileName=NAME</c>: what storage already holds of an upload, so a
/// browser can resume one after a dropped connection or a closed laptop (a write-only link cannot list blocks):
/// whether the recording is committed and its length, and the staged blocks (id and size) not yet committed.
/// </summary>
public sealed class UploadedBlocksFunction(PipelineStore store)
{
    [Function("UploadedBlocks"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Results<Ok<UploadedBlocks>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{caseId}/{sessionId}/upload")] HttpRequest request)
    {
        var (context, session) = (request.HttpContext, CaseCall.Of(request).Session);
        if (request.Query["fileName"].FirstOrDefault() is not { } fileName || !RecordingFileName.IsValid(fileName))
            return ApiResults.BadRequest("api.file-name.detail", [FieldProblem.Create("fileName", "video-file-name", "problem.video-file-name")]);

        var blob = store.Service.GetBlobContainerClient(SessionKey.Recordings).GetBlockBlobClient(session.Recording(fileName));
        // Whether it is there and how long comes from the blob itself (one Put Blob has no committed blocks); the list only adds what is staged.
        long? size = null;
        try { size = (await blob.GetPropertiesAsync(cancellationToken: context.RequestAborted)).Value.ContentLength; }
        catch (RequestFailedException e) when (e.Status == 404) { }
        var staged = await StagedAsync(blob, context.RequestAborted);
        return TypedResults.Ok(new UploadedBlocks($"{SessionKey.Recordings}/{blob.Name}", size is not null, size ?? 0,
            [.. staged.Select(b => new StagedBlock(b.Name, b.SizeLong))]));
    }

    /// <summary>The blocks staged and not yet committed (storage discards them after a week); none for a blob that is not a block blob.</summary>
    public static async Task<IReadOnlyList<BlobBlock>> StagedAsync(BlockBlobClient blob, CancellationToken cancellationToken)
    {
        try { return [.. (await blob.GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: cancellationToken)).Value.UncommittedBlocks]; }
        catch (RequestFailedException e) when (e.Status is 404 or 409) { return []; }
    }
}
