using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.MakePreview;
using BasicTrust.Functions.Pipeline;
using Azure.Storage.Sas;

namespace BasicTrust.Functions.GetPreview;

/// <summary>
/// <c>GET /api/sessions/{caseId}/{sessionId}/preview</c>: what the editor plays. <c>notNeeded</c> (play the recording),
/// <c>making</c> (with the reason, for a sentence on the page), <c>ready</c> with a read link (15 minutes, audited) to the
/// preview, or <c>failed</c>; 404 until a recording has been checked.
/// </summary>
public sealed class GetPreviewFunction(PipelineStore store, CaseGate gate, AuditLog audit, TimeProvider clock)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    [Function("GetPreview")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{caseId}/{sessionId}/preview")] HttpRequest request, string caseId, string sessionId)
    {
        var context = request.HttpContext;
        if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return problem!;
        if ((await gate.CheckAsync(context, caseId, CaseAction.View)).Refusal is { } refusal) return refusal;
        if ((await store.ReadAsync<PreviewDocument>(SessionKey.Pipeline, RecordingPreviews.DocumentName(session), context.RequestAborted)).Value is not { } preview)
            return ApiResults.NotFound($"No recording of {session.Folder} has been checked yet.");
        if (preview is not { State: PreviewState.Ready, Blob: { } blob }) return Results.Json(preview, Json.Options);

        var link = await store.LinkAsync(store.Blob(SessionKey.Previews, blob), BlobSasPermissions.Read, Lifetime, context.RequestAborted);
        var expires = clock.GetUtcNow() + Lifetime;
        await audit.WriteAsync(Principal.Of(context).ObjectId, "read-link", $"{SessionKey.Previews}/{blob}", expires, context.RequestAborted);
        return Results.Json(new { preview.Recording, preview.State, preview.Need, preview.Reason, link, expiresAt = expires }, Json.Options);
    }
}
