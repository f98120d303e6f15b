using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.ReviewReel;

namespace BasicTrust.Functions.GetReel;

/// <summary>
/// <c>GET /api/reels/{caseId}/{sessionId}</c>: reel.json and read-only links, valid 15 minutes, to the reel, its
/// captions, and every clip and still. Each link handed out is written to the audit log.
/// </summary>
public sealed class GetReelFunction(PipelineStore store, StatusBoard status, Reviews reviews, CaseGate gate, ReadLinks links)
{
    [Function("GetReel")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reels/{caseId}/{sessionId}")] HttpRequest request, string caseId, string sessionId)
    {
        var context = request.HttpContext;
        if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return problem!;
        var (found, refusal) = await gate.CheckAsync(context, caseId, CaseAction.View);
        if (refusal is not null) return refusal;
        if (await status.ReadyPlanAsync(session, context.RequestAborted) is not { } planId) return ApiResults.NoReadyReel(session);
        var reel = (await store.ReadAsync<ReelDocument>(SessionKey.Reels, session.Reel(planId, "reel.json"), context.RequestAborted)).Value;
        if (reel is null) return ApiResults.NoReadyReel(session);

        var who = Principal.Of(context).ObjectId;
        var expires = links.ExpiresAt;
        Task<Uri> Link(string path) => links.MintAsync(who, path, context.RequestAborted);
        var minted = new
        {
            reel = await Link(reel.Reel),
            captions = await Link(reel.Captions),
            clips = await Task.WhenAll(reel.Clips.Select(async c => new { c.ClipId, video = await Link(c.Video), still = await Link(c.Still) })),
        };
        var review = (await reviews.GetAsync(session, planId, context.RequestAborted)).SeenBy(found!, who);
        return Results.Json(new { reel, links = minted, expiresAt = expires, review }, Json.Options);
    }
}
