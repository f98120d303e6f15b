using BasicTrust.Highlights.Texts;

namespace BasicTrust.Functions.Api;

/// <summary>
/// The language a caller reads, from its <c>Accept-Language</c>: the most preferred of the catalogue's languages
/// (<c>nl-NL</c> is Dutch), English when it names none of them or sends none (bt, scripts). The web app sends the
/// page's language.
/// </summary>
public static class ApiLanguage
{
    public static string Of(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .Where(asked => asked.Quality is null or > 0)
            .OrderByDescending(asked => asked.Quality ?? 1) // stable: equal preferences keep the caller's order
            .Select(asked => Catalogue.Languages.FirstOrDefault(language => Names(asked.Value.Value, language)))
            .FirstOrDefault(language => language is not null) ?? Catalogue.DefaultLanguage;

    static bool Names(string? asked, string language) =>
        asked is not null && (asked.Equals(language, StringComparison.OrdinalIgnoreCase) || asked.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase));
}
