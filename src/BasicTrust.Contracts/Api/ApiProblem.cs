namespace BasicTrust.Contracts.Api;

/// <summary>
/// Every error answer (RFC 9457 problem details, <c>application/problem+json</c>): what went wrong in a sentence and,
/// for a request the API refused, each field with the rule it breaks. <c>Title</c> and <c>Detail</c> are in the
/// language the request asked for (<c>Accept-Language</c>); <c>TitleKey</c>, <c>DetailKey</c> and <c>Args</c> say
/// them in the catalogue's terms (web/i18n), for a client with texts of its own.
/// </summary>
public sealed record ApiProblem(string? Type = null, string? Title = null, int? Status = null, string? Detail = null, IReadOnlyList<FieldProblem>? Errors = null,
    string? TitleKey = null, string? DetailKey = null, IReadOnlyDictionary<string, string>? Args = null);
