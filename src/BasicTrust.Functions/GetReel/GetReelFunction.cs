using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.ReviewReel;
using Azure.Storage.Sas;

namespace BasicTrust.Functions.GetReel;

/// <summary>
/// <c>GET /api/reels/{caseId}/{sessionId}</c>: reel.json and read-only links, valid 15 minutes, to the reel, its
/// captions, and every clip and still. Each link handed out is written to the audit log.
/// </summary>
public sealed class GetReelFunction(PipelineStore store, StatusBoard status, Reviews reviews, CaseGate gate, AuditLog audit, TimeProvider clock)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    [Function("GetReel")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reels/{caseId}/{sessionId}")] HttpRequest request, string caseId, string sessionId)
    {
        var context = request.HttpContext;
        if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return problem!;
        var (found, refusal) = await gate.CheckAsync(context, caseId, CaseAction.View);
        if (refusal is not null) return refusal;
        if (await status.GetAsync(session, context.RequestAborted) is not { State: SessionState.Ready, PlanId: { } planId })
            return ApiResults.NotFound($"Session {session.Folder} has no ready reel.");
        var reel = (await store.ReadAsync<ReelDocument>(SessionKey.Reels, session.Reel(planId, "reel.json"), context.RequestAborted)).Value;
        if (reel is null) return ApiResults.NotFound($"Session {session.Folder} has no ready reel.");

        var who = Principal.Of(context).ObjectId;
        var expires = clock.GetUtcNow() + Lifetime;
        async Task<Uri> Link(string path)
        {
            var (container, name) = (path[..path.IndexOf('/')], path[(path.IndexOf('/') + 1)..]);
            var uri = await store.LinkAsync(store.Blob(container, name), BlobSasPermissions.Read, Lifetime, context.RequestAborted);
            await audit.WriteAsync(who, "read-link", path, expires, context.RequestAborted);
            return uri;
        }
        var links = new
        {
            reel = await Link(reel.Reel),
            captions = await Link(reel.Captions),
            clips = await Task.WhenAll(reel.Clips.Select(async c => new { c.ClipId, video = await Link(c.Video), still = await Link(c.Still) })),
        };
        var review = await reviews.GetAsync(session, planId, context.RequestAborted);
        if (found!.RoleOf(who) != CaseRole.Owner) review = review.As(who);
        return Results.Json(new { reel, links, expiresAt = expires, review }, Json.Options);
    }
}
