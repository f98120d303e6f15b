using System.Text.RegularExpressions;

namespace BasicTrust.Highlights.Manifest;

/// <summary>
/// Case, session and tag ids are pseudonymous and safe in blob paths: lower-case letters, digits and
/// '-', starting with a letter or digit, at most 63 characters. No names, no path tricks.
/// </summary>
public static partial class Ids
{
    /// <summary>The rule, as text for messages.</summary>
    public const string Rule = "^[a-z0-9][a-z0-9-]{0,62}$";

    /// <summary>True when <paramref name="id"/> follows the rule.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    // \z, not $: '$' also matches before a trailing newline.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z")]
    private static partial Regex Pattern();
}
