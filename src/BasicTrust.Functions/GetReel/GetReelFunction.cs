using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Consent;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.ReviewReel;

namespace BasicTrust.Functions.GetReel;

/// <summary>
/// <c>GET /api/reels/{caseId}/{sessionId}</c>: the last ready reel's reel.json and read-only links, valid
/// <see cref="PipelineOptions.ReadLinkLifetime"/> (15 minutes), to the reel, its captions, and every clip and still;
/// its review round and the earlier ones; the plan's warnings in the reader's language. While a newer manifest is planned and cut the last ready reel is still
/// served, marked <c>newerInProgress</c>. Each link handed out is written to the audit log.
/// </summary>
public sealed class GetReelFunction(PipelineStore store, StatusBoard status, Reviews reviews, ReadLinks links, CaseGate gate)
{
    [Function("GetReel"), CaseEndpoint(CaseAction.View)]
    public async Task<Results<Ok<ReelAnswer>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reels/{caseId}/{sessionId}")] HttpRequest request)
    {
        var (context, call) = (request.HttpContext, CaseCall.Of(request));
        var session = call.Session;
        if (SupervisionRefusal(call) is { } refusal)
        {
            await gate.RefusedAsync(context, session.Folder, "view", 403);
            return refusal;
        }
        if (await status.GetAsync(session, context.RequestAborted) is not { ReelPlanId: { } planId } current) return ApiResults.NoReadyReel(session);
        var reel = (await store.ReadAsync<ReelDocument>(SessionKey.Reels, session.Reel(planId, "reel.json"), context.RequestAborted)).Value;
        if (reel is null) return ApiResults.NoReadyReel(session);

        var who = call.Who.ObjectId;
        var expires = links.ExpiresAt;
        Task<Uri> Link(string path) => links.MintAsync(who, path, context.RequestAborted);
        var minted = new ReelLinks(await Link(reel.Reel), await Link(reel.Captions),
            await Task.WhenAll(reel.Clips.Select(async c => new ClipLinks(c.ClipId, await Link(c.Video), await Link(c.Still), c.SmallStill is null ? null : await Link(c.SmallStill)))));
        var review = (await reviews.GetAsync(session, context.RequestAborted)).SeenBy(call.Case!, who);
        var newer = current is not { State: SessionState.Ready } || current.PlanId != planId;
        reel = reel with { Warnings = [.. (reel.Warnings ?? []).Select(w => w.In(ApiLanguage.Of(request)))] };
        return TypedResults.Ok(new ReelAnswer(reel, minted, expires, review.RoundOf(planId), review.Before(planId), call.GivesVerdict, newer));
    }

    /// <summary>
    /// Anyone but the owner sees a reel only when everyone on its recording consented to supervision
    /// (<see cref="ConsentCheck.ForSupervision"/>): 403 naming who lacks it.
    /// </summary>
    static ProblemHttpResult? SupervisionRefusal(CaseCall call)
    {
        var record = call.Case!;
        if (record.RoleOf(call.Who.ObjectId) == CaseRole.Owner) return null;
        var problems = ConsentCheck.ForSupervision(record.Privacy.Recording(call.Session.SessionId)?.OnRecording, record.Privacy);
        return problems.Count == 0 ? null : ApiResults.Problem(403, "api.forbidden.title", "api.supervision-consent.detail", [.. problems.Select(FieldProblem.From)]);
    }
}
