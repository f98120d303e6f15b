using BasicTrust.Highlights.Manifest;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Api;

/// <summary>RFC 9457 problem details for every error the API returns, so clients read one shape; <c>errors</c> lists <see cref="FieldProblem"/>s.</summary>
public static class ApiResults
{
    public static ProblemHttpResult Problem(int status, string title, string detail, IReadOnlyList<FieldProblem>? errors = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, type: $"https://basictrust.example/problems/{status}",
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult BadRequest(string detail, IReadOnlyList<FieldProblem>? errors = null) => Problem(400, "The request is not valid.", detail, errors);

    public static ProblemHttpResult NotFound(string detail) => Problem(404, "Not found.", detail);

    public static ProblemHttpResult NoReadyReel(SessionKey session) => NotFound($"Session {session.Folder} has no ready reel.");

    /// <summary>403 for the therapist's own verdict (or "reviewed") on a case a reviewer is on: that is the reviewer's.</summary>
    public static ProblemHttpResult ReviewersVerdict() =>
        Problem(403, "The verdict is the reviewer's.", "A reel of a case shared with a reviewer is approved, sent back or marked reviewed by that reviewer, not by its own therapist.",
            [new FieldProblem("decision", "reviewer-decides", "The case has a reviewer: the verdict is theirs.")]);

    /// <summary>410 for a case that was purged: its id is retired, so nothing new is stored under it.</summary>
    public static ProblemHttpResult Purged(string caseId) =>
        Problem(410, "The case was purged.", $"Case {caseId} was purged (consent withdrawn); its id is retired. Use a new case id.",
            [new FieldProblem("caseId", "not-purged", "The case id belongs to a purged case.")]);

    /// <summary>The ids among <paramref name="ids"/> that break <c>^[a-z0-9][a-z0-9-]{0,62}$</c>, each named.</summary>
    public static List<FieldProblem> IdErrors(params (string Name, string Value)[] ids) =>
        [.. ids.Where(id => !Ids.IsValid(id.Value)).Select(id => new FieldProblem(id.Name, "id", $"{id.Name} must match {Ids.Rule}."))];
}
