namespace BasicTrust.Contracts.Api;

/// <summary>
/// Every error answer (RFC 9457 problem details, <c>application/problem+json</c>): what went wrong in a sentence and,
/// for a request the API refused, each field with the rule it breaks.
/// </summary>
public sealed record ApiProblem(string? Type = null, string? Title = null, int? Status = null, string? Detail = null, IReadOnlyList<FieldProblem>? Errors = null);
