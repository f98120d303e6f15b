using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Api;
using BasicTrust.Highlights.Texts;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Functions.Methods;

/// <summary>
/// The methods' vocabularies, for the editor's label picker (any signed-in person; nothing here is about a case):
/// <c>GET /api/methods</c> lists the methods; <c>GET /api/methods/{method}</c> gives one method's labels (code, Dutch
/// and English names, default valence and actor, description, whether the sources confirm it) and its renamed codes.
/// With <c>?match=TEXT</c> it also answers which label a typed code or name means: exactly (a code, an old code or a
/// name) or as the manifest's own "did you mean …?". It also gives the method's goals and target ages, and the
/// roles, age bands and session types a manifest may name.
/// </summary>
public sealed class MethodsFunction
{
    const int MaxMatchLength = 100;

    [Function("ListMethods")]
    public Ok<IReadOnlyList<MethodSummary>> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "methods")] HttpRequest request) =>
        TypedResults.Ok<IReadOnlyList<MethodSummary>>([.. Vocabularies.ByMethod.Values.Select(v => new MethodSummary(v.Method, Name(v, request), v.IsCustom))]);

    [Function("GetMethod")]
    public Results<Ok<MethodDetails>, ProblemHttpResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "methods/{method}")] HttpRequest request, string method)
    {
        if (!Vocabularies.ByMethod.TryGetValue(method, out var vocabulary))
            return ApiResults.NotFound("api.no-method.detail", ("method", method.Length > 40 ? method[..40] + "…" : method), ("methods", string.Join(", ", Vocabularies.ByMethod.Keys)));
        var typed = request.Query["match"].FirstOrDefault();
        if (typed is { Length: > MaxMatchLength })
            return ApiResults.BadRequest("api.match.detail", [FieldProblem.Create("match", "length", "problem.length.match", ("max", MaxMatchLength))]);
        return TypedResults.Ok(new MethodDetails(vocabulary.Method, Name(vocabulary, request), vocabulary.IsCustom,
            [.. vocabulary.Labels.Select(l => new LabelInfo(l.Code, l.Dutch, l.English, l.DefaultValence, l.DefaultActor, l.Description, l.IsConfirmed))],
            [.. vocabulary.Aliases],
            vocabulary.IsCustom ? MethodVocabulary.CustomLabelRule : null,
            typed is null ? null : Match(vocabulary, typed),
            [.. vocabulary.Goals.Select(g => new GoalInfo(g.Code, g.Dutch, g.English, g.For, g.Source))], vocabulary.TargetAges,
            [.. PersonRoles.All.Select(r => new RoleInfo(r.Code, r.Actor))], [.. AgeBands.All.Select(b => b.Code)], [.. SessionTypes.All.Select(t => t.Code)]));
    }

    /// <summary>The method's name in the caller's language ("Custom" is "Eigen labels" in Dutch).</summary>
    static string Name(MethodVocabulary vocabulary, HttpRequest request) => Catalogue.Render(ApiLanguage.Of(request), $"method.{vocabulary.Method}");

    /// <summary>The label the text means (<c>exact</c> for a code, an old code or a name), or the closest one, or null.</summary>
    static LabelMatch? Match(MethodVocabulary vocabulary, string typed)
    {
        var text = typed.Trim();
        var exact = vocabulary.Find(text) ?? (vocabulary.Alias(text) is { } alias ? vocabulary.Find(alias.NewCode) : null)
            ?? vocabulary.Labels.FirstOrDefault(l => string.Equals(l.Dutch, text, StringComparison.OrdinalIgnoreCase) || string.Equals(l.English, text, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return new LabelMatch(exact.Code, Exact: true);
        return vocabulary.Suggest(text) is { } closest ? new LabelMatch(closest.Code, Exact: false) : null;
    }
}
