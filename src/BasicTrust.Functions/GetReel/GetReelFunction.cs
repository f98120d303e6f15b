using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.ReviewReel;

namespace BasicTrust.Functions.GetReel;

/// <summary>
/// <c>GET /api/reels/{caseId}/{sessionId}</c>: reel.json and read-only links, valid <see cref="PipelineOptions.ReadLinkLifetime"/> (15 minutes), to the reel, its
/// captions, and every clip and still. Each link handed out is written to the audit log.
/// </summary>
public sealed class GetReelFunction(PipelineStore store, StatusBoard status, Reviews reviews, ReadLinks links)
{
    [Function("GetReel"), CaseEndpoint(CaseAction.View)]
    public async Task<Results<Ok<ReelAnswer>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reels/{caseId}/{sessionId}")] HttpRequest request)
    {
        var (context, call) = (request.HttpContext, CaseCall.Of(request));
        var session = call.Session;
        if (await status.ReadyPlanAsync(session, context.RequestAborted) is not { } planId) return ApiResults.NoReadyReel(session);
        var reel = (await store.ReadAsync<ReelDocument>(SessionKey.Reels, session.Reel(planId, "reel.json"), context.RequestAborted)).Value;
        if (reel is null) return ApiResults.NoReadyReel(session);

        var who = call.Who.ObjectId;
        var expires = links.ExpiresAt;
        Task<Uri> Link(string path) => links.MintAsync(who, path, context.RequestAborted);
        var minted = new ReelLinks(await Link(reel.Reel), await Link(reel.Captions),
            await Task.WhenAll(reel.Clips.Select(async c => new ClipLinks(c.ClipId, await Link(c.Video), await Link(c.Still)))));
        var review = (await reviews.GetAsync(session, planId, context.RequestAborted)).SeenBy(call.Case!, who);
        return TypedResults.Ok(new ReelAnswer(reel, minted, expires, review, call.GivesVerdict));
    }
}
