using BasicTrust.Highlights.Validation;

namespace BasicTrust.Contracts;

/// <summary>
/// One problem, naming the field (a JSON path or a request part), the rule it breaks and a plain sentence: in a
/// 4xx answer's <c>errors</c>, in <c>status.json</c>'s errors and warnings, and in a plan preview.
/// </summary>
public sealed record FieldProblem(string Path, string Rule, string Message)
{
    /// <summary>The domain's validation result as the contract says it (its severity is where it is listed).</summary>
    public static FieldProblem From(Problem problem) => new(problem.Path, problem.Rule, problem.Message);

    /// <summary>The problems of one severity.</summary>
    public static IReadOnlyList<FieldProblem> Of(IEnumerable<Problem> problems, Severity severity) =>
        [.. problems.Where(p => p.Severity == severity).Select(From)];
}
