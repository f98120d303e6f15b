namespace BasicTrust.Highlights.Validation;

/// <summary>Errors block planning; warnings are shown but let it go ahead.</summary>
public enum Severity
{
    /// <summary>Blocks planning: nothing is cut.</summary>
    Error,
    /// <summary>Shown to the therapist; planning goes ahead.</summary>
    Warning,
}

/// <summary>
/// One thing wrong with a manifest or plan: where (a JSON path such as <c>tags[2].end</c>), which rule,
/// and a sentence a therapist understands.
/// </summary>
public sealed record Problem(Severity Severity, string Path, string Rule, string Message)
{
    /// <summary>An error at <paramref name="path"/>.</summary>
    public static Problem Error(string path, string rule, string message) => new(Severity.Error, path, rule, message);

    /// <summary>A warning at <paramref name="path"/>.</summary>
    public static Problem Warning(string path, string rule, string message) => new(Severity.Warning, path, rule, message);

    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Path} ({Rule}): {Message}";
}
