using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Texts;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Api;

/// <summary>
/// RFC 9457 problem details for every error the API returns, so clients read one shape; <c>errors</c> lists
/// <see cref="FieldProblem"/>s. Title and detail are catalogue keys (<c>titleKey</c>, <c>detailKey</c>, with their
/// <c>args</c>), written out in English here and in the request's language when the answer is written (<see cref="Localize"/>).
/// </summary>
public static class ApiResults
{
    /// <summary>A problem titled and detailed by the catalogue's <paramref name="titleKey"/> and <paramref name="detailKey"/>, with the values both may name.</summary>
    public static ProblemHttpResult Problem(int status, string titleKey, string detailKey, IReadOnlyList<FieldProblem>? errors = null, params (string Name, object Value)[] args)
    {
        var detail = Sentence.Of(detailKey, args);
        var title = detail with { Key = titleKey };
        var extensions = new Dictionary<string, object?> { ["titleKey"] = titleKey, ["detailKey"] = detailKey, ["args"] = detail.Args };
        if (errors is not null) extensions["errors"] = errors;
        return TypedResults.Problem(statusCode: status, title: title.ToString(), detail: detail.ToString(), type: $"https://basictrust.example/problems/{status}",
            extensions: extensions);
    }

    public static ProblemHttpResult BadRequest(string detailKey, IReadOnlyList<FieldProblem>? errors = null, params (string Name, object Value)[] args) =>
        Problem(400, "api.bad-request.title", detailKey, errors, args);

    public static ProblemHttpResult NotFound(string detailKey, params (string Name, object Value)[] args) => Problem(404, "api.not-found.title", detailKey, null, args);

    public static ProblemHttpResult NoReadyReel(SessionKey session) => NotFound("api.no-ready-reel.detail", ("session", session.Folder));

    /// <summary>403 for the therapist's own verdict (or "reviewed") on a case a reviewer is on: that is the reviewer's.</summary>
    public static ProblemHttpResult ReviewersVerdict() =>
        Problem(403, "api.verdict.title", "api.verdict.detail", [FieldProblem.Create("decision", "reviewer-decides", "problem.reviewer-decides")]);

    /// <summary>410 for a case that was purged: its id is retired, so nothing new is stored under it.</summary>
    public static ProblemHttpResult Purged(string caseId) =>
        Problem(410, "api.purged.title", "api.purged.detail", [FieldProblem.Create("caseId", "not-purged", "problem.not-purged")], ("caseId", caseId));

    /// <summary>The ids among <paramref name="ids"/> that break <c>^[a-z0-9][a-z0-9-]{0,62}$</c>, each named.</summary>
    public static List<FieldProblem> IdErrors(params (string Name, string Value)[] ids) =>
        [.. ids.Where(id => !Ids.IsValid(id.Value)).Select(id => FieldProblem.Create(id.Name, "id", "problem.id.path", ("name", id.Name), ("pattern", Ids.Rule)))];

    /// <summary>
    /// Writes a problem's title, detail and field messages in the language the request asks for
    /// (<see cref="ApiLanguage"/>), from the keys <see cref="Problem"/> put in it: the problem details writer's hook.
    /// </summary>
    public static void Localize(ProblemDetailsContext context)
    {
        var language = ApiLanguage.Of(context.HttpContext.Request);
        var problem = context.ProblemDetails;
        object? Extension(string name) => problem.Extensions.TryGetValue(name, out var value) ? value : null;
        var args = Extension("args") as IReadOnlyDictionary<string, string>;
        if (Extension("titleKey") is string titleKey) problem.Title = Catalogue.Render(language, titleKey, args);
        if (Extension("detailKey") is string detailKey) problem.Detail = Catalogue.Render(language, detailKey, args);
        if (Extension("errors") is IReadOnlyList<FieldProblem> errors) problem.Extensions["errors"] = errors.Select(e => e.In(language)).ToList();
    }
}
