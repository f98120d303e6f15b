using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// Another tool's file that is not read, with the problem naming the field and the rule (the API answers with it).
/// A <see cref="FormatException"/>, so whoever reports unreadable files reports this one too; its message is English.
/// </summary>
public sealed class ImportRefusedException : FormatException
{
    /// <summary>Refuses the file at <paramref name="path"/> by <paramref name="rule"/>, said by the catalogue's <paramref name="key"/>.</summary>
    public ImportRefusedException(string path, string rule, string key, params (string Name, object Value)[] args) : this(Problem.Error(path, rule, key, args)) { }

    ImportRefusedException(Problem problem) : base(problem.Message) => Problem = problem;

    /// <summary>Where (the whole file is <c>$</c>), which rule, and the sentence.</summary>
    public Problem Problem { get; }
}
