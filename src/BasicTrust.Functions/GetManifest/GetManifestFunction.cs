using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.GetManifest;

/// <summary>
/// <c>GET /api/sessions/{caseId}/{sessionId}/manifest</c>: the manifest last sent for the session, as it was sent, so
/// the owner's editor can change the tags after a reviewer sent the reel back (404 until one was sent).
/// </summary>
public sealed class GetManifestFunction(PipelineStore store, CaseGate gate)
{
    [Function("GetManifest")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{caseId}/{sessionId}/manifest")] HttpRequest request, string caseId, string sessionId)
    {
        var context = request.HttpContext;
        if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return problem!;
        if ((await gate.CheckAsync(context, caseId, CaseAction.Upload)).Refusal is { } refusal) return refusal;
        try
        {
            var content = await store.Blob(SessionKey.Recordings, session.Manifest).DownloadContentAsync(context.RequestAborted);
            return Results.Text(content.Value.Content.ToString(), "application/json");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return ApiResults.NotFound($"No manifest has been sent for {session.Folder}.");
        }
    }
}
