using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;

namespace BasicTrust.Functions.GetCourse;

/// <summary>
/// <c>GET /api/cases/{caseId}/course</c>: the case's course for its owner and reviewers (<see cref="CourseView"/>):
/// its sessions in course order, per goal the strength and learning moments each session's latest plan shows, and the
/// practice points recorded after them.
/// </summary>
public sealed class GetCourseFunction(CourseSessions sessions)
{
    [Function("GetCourse"), CaseEndpoint(CaseAction.View)]
    public async Task<Ok<CourseAnswer>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/course")] HttpRequest request, string caseId)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var inputs = new List<CourseInput>();
        foreach (var found in await sessions.ListAsync(caseId, cancellationToken))
            inputs.Add(CourseInput.From(found.Session.SessionId, found.Status.CreatedAt, found.Plan, await sessions.ConversationAsync(found.Session, cancellationToken)));
        return TypedResults.Ok(CourseView.Of(inputs));
    }
}
