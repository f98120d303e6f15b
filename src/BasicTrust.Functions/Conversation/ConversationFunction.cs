using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;

namespace BasicTrust.Functions.Conversation;

/// <summary>
/// The terugkijkgesprek of a session (<see cref="ConversationRecord"/>): <c>GET /api/sessions/{caseId}/{sessionId}/conversation</c>
/// for the case's owner and reviewers, <c>PUT</c> the same <c>{clips: [{clipId, parentSaw}], practicePoint}</c> for its
/// owner, on the clips of the reel the reel page shows. Both answer <see cref="ConversationAnswer"/>.
/// </summary>
public sealed class ConversationFunction(Conversations conversations)
{
    const string Example = """{"clips": [{"clipId": "…-01", "parentSaw": "Dat hij naar mij keek"}], "practicePoint": "Benoemen wat hij voelt"}""";

    [Function("GetConversation"), CaseEndpoint(CaseAction.View)]
    public async Task<Ok<ConversationAnswer>> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{caseId}/{sessionId}/conversation")] HttpRequest request)
    {
        var call = CaseCall.Of(request);
        return TypedResults.Ok(await conversations.GetAsync(call.Session, call.Case!, call.Who, request.HttpContext.RequestAborted));
    }

    [Function("RecordConversation"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Results<Ok<ConversationAnswer>, ProblemHttpResult>> PutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "sessions/{caseId}/{sessionId}/conversation")] HttpRequest request)
    {
        var call = CaseCall.Of(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        if (await conversations.ReelPlanAsync(call.Session, cancellationToken) is not { } reel) return ApiResults.NoReadyReel(call.Session);
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<ConversationRequest>(request, 256 * 1024, Example);
        if (unreadable is not null) return unreadable;
        var (clips, practicePoint, errors) = ConversationRules.Read(body!, reel.Clips);
        if (errors.Count > 0) return ApiResults.BadRequest("api.conversation.detail", errors);
        return await conversations.SaveAsync(call.Session, reel, clips, practicePoint, call.Case!, call.Who, cancellationToken) is { } saved
            ? TypedResults.Ok(saved)
            : ApiResults.Purged(call.CaseId);
    }
}
