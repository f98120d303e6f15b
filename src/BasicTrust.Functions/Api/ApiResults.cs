using BasicTrust.Highlights.Manifest;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Api;

/// <summary>One problem in a request: the field and the rule it breaks.</summary>
public sealed record FieldProblem(string Path, string Rule, string Message);

/// <summary>RFC 9457 problem details for every error the API returns, so clients read one shape.</summary>
public static class ApiResults
{
    public static IResult Problem(int status, string title, string detail, IReadOnlyList<FieldProblem>? errors = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail, type: $"https://basictrust.example/problems/{status}",
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    public static IResult BadRequest(string detail, IReadOnlyList<FieldProblem>? errors = null) => Problem(400, "The request is not valid.", detail, errors);

    public static IResult NotFound(string detail) => Problem(404, "Not found.", detail);

    public static IResult NoReadyReel(SessionKey session) => NotFound($"Session {session.Folder} has no ready reel.");

    /// <summary>410 for a case that was purged: its id is retired, so nothing new is stored under it.</summary>
    public static IResult Purged(string caseId) =>
        Problem(410, "The case was purged.", $"Case {caseId} was purged (consent withdrawn); its id is retired. Use a new case id.",
            [new FieldProblem("caseId", "not-purged", "The case id belongs to a purged case.")]);

    /// <summary>The session of a route, or a 400 naming the id that breaks <c>^[a-z0-9][a-z0-9-]{0,62}$</c>.</summary>
    public static bool TrySession(string caseId, string sessionId, out SessionKey session, out IResult? problem)
    {
        var errors = IdErrors(("caseId", caseId), ("sessionId", sessionId));
        session = errors.Count == 0 ? SessionKey.Create(caseId, sessionId) : null!;
        problem = errors.Count == 0 ? null : BadRequest("An id in the path is not valid.", errors);
        return problem is null;
    }

    public static List<FieldProblem> IdErrors(params (string Name, string Value)[] ids) =>
        [.. ids.Where(id => !Ids.IsValid(id.Value)).Select(id => new FieldProblem(id.Name, "id", $"{id.Name} must match {Ids.Rule}."))];
}
