using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// Another tool's file that is not read, with the problem naming the field and the rule (the API answers with it).
/// A <see cref="FormatException"/>, so whoever reports unreadable files reports this one too.
/// </summary>
public sealed class ImportRefusedException(string path, string rule, string message) : FormatException(message)
{
    /// <summary>Where (the whole file is <c>$</c>), which rule, and the sentence.</summary>
    public Problem Problem { get; } = Problem.Error(path, rule, message);
}
