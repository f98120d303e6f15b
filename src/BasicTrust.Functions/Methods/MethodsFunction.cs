using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Functions.Methods;

/// <summary>
/// The methods' vocabularies, for the editor's label picker (any signed-in person; nothing here is about a case):
/// <c>GET /api/methods</c> lists the methods; <c>GET /api/methods/{method}</c> gives one method's labels (code, Dutch
/// and English names, default valence and actor, description, whether the sources confirm it) and its renamed codes.
/// With <c>?match=TEXT</c> it also answers which label a typed code or name means: exactly (a code, an old code or a
/// name) or as the manifest's own "did you mean …?".
/// </summary>
public sealed class MethodsFunction
{
    const int MaxMatchLength = 100;

    [Function("ListMethods")]
    public IResult List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "methods")] HttpRequest request) =>
        Results.Json(Vocabularies.ByMethod.Values.Select(v => new { v.Method, v.Name, custom = v.IsCustom }), Json.Options);

    [Function("GetMethod")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "methods/{method}")] HttpRequest request, string method)
    {
        if (!Vocabularies.ByMethod.TryGetValue(method, out var vocabulary))
            return ApiResults.NotFound($"There is no method '{(method.Length > 40 ? method[..40] + "…" : method)}'; the methods are {string.Join(", ", Vocabularies.ByMethod.Keys)}.");
        var typed = request.Query["match"].FirstOrDefault();
        if (typed is { Length: > MaxMatchLength })
            return ApiResults.BadRequest("The text to match is too long.", [new FieldProblem("match", "length", $"match must be at most {MaxMatchLength} characters.")]);
        return Results.Json(new
        {
            vocabulary.Method,
            vocabulary.Name,
            custom = vocabulary.IsCustom,
            customRule = vocabulary.IsCustom ? MethodVocabulary.CustomLabelRule : null,
            labels = vocabulary.Labels.Select(l => new
            {
                l.Code, nl = l.Dutch, en = l.English, valence = l.DefaultValence, actor = l.DefaultActor, l.Description, confirmed = l.IsConfirmed,
            }),
            aliases = vocabulary.Aliases.Select(a => new { a.OldCode, a.NewCode, a.Why }),
            match = typed is null ? null : Match(vocabulary, typed),
        }, Json.Options);
    }

    /// <summary>The label the text means (<c>exact</c> for a code, an old code or a name), or the closest one, or null.</summary>
    static object? Match(MethodVocabulary vocabulary, string typed)
    {
        var text = typed.Trim();
        var exact = vocabulary.Find(text) ?? (vocabulary.Alias(text) is { } alias ? vocabulary.Find(alias.NewCode) : null)
            ?? vocabulary.Labels.FirstOrDefault(l => string.Equals(l.Dutch, text, StringComparison.OrdinalIgnoreCase) || string.Equals(l.English, text, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return new { exact.Code, exact = true };
        return vocabulary.Suggest(text) is { } closest ? new { closest.Code, exact = false } : null;
    }
}
