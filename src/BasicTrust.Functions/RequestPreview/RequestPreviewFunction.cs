using System.Text.Json;
using Azure.Storage.Queues;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.MakePreview;
using BasicTrust.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.RequestPreview;

/// <summary>
/// <c>POST /api/sessions/{caseId}/{sessionId}/preview</c>, from the owner's editor when its browser cannot play the
/// offered recording (it asked <c>MediaCapabilities</c> about the recording's type): queues the preview's making once
/// and answers <c>making</c>. Asked again, or when no preview is needed, it answers the state as it is; 404 until a
/// recording has been checked.
/// </summary>
public sealed class RequestPreviewFunction(RecordingPreviews previews, PipelineStore store, QueueServiceClient queues)
{
    [Function("RequestPreview"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Results<Ok<PreviewAnswer>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sessions/{caseId}/{sessionId}/preview")] HttpRequest request)
    {
        var (cancellationToken, session) = (request.HttpContext.RequestAborted, CaseCall.Of(request).Session);
        if (await previews.RequestAsync(session, cancellationToken) is { } asked)
        {
            var job = new PreviewJob(session.CaseId, session.SessionId);
            // Base64, as the host reads it (host.json's messageEncoding).
            await queues.GetQueueClient(PipelineQueues.PreviewJobs).SendMessageAsync(Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(job, Json.Compact)), cancellationToken);
            return TypedResults.Ok(new PreviewAnswer(asked.Recording, asked.State, asked.Need, asked.ReasonIn(ApiLanguage.Of(request))));
        }
        if ((await store.ReadAsync<PreviewDocument>(SessionKey.Pipeline, session.Preview, cancellationToken)).Value is not { } current)
            return ApiResults.NotFound("api.no-preview.detail", ("session", session.Folder));
        return TypedResults.Ok(new PreviewAnswer(current.Recording, current.State, current.Need, current.ReasonIn(ApiLanguage.Of(request))));
    }
}
