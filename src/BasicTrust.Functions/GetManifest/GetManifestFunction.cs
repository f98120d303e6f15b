using Azure;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.GetManifest;

/// <summary>
/// <c>GET /api/sessions/{caseId}/{sessionId}/manifest</c>: the manifest last sent for the session, as it was sent, so
/// the owner's editor can change the tags after a reviewer sent the reel back (404 until one was sent).
/// </summary>
public sealed class GetManifestFunction(PipelineStore store)
{
    [Function("GetManifest"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Results<ContentHttpResult, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{caseId}/{sessionId}/manifest")] HttpRequest request)
    {
        var session = CaseCall.Of(request).Session;
        try
        {
            var content = await store.Blob(SessionKey.Recordings, session.Manifest).DownloadContentAsync(request.HttpContext.RequestAborted);
            // The manifest is the therapist's text as sent (Highlights' format), not a contract of ours.
            return TypedResults.Text(content.Value.Content.ToString(), "application/json");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return ApiResults.NotFound("api.no-manifest.detail", ("session", session.Folder));
        }
    }
}
