using System.Text.RegularExpressions;

namespace BasicTrust.Storage.Pipeline;

/// <summary>Removes SAS signatures and account keys from text bound for logs and exception messages.</summary>
public static partial class Redaction
{
    /// <summary>Replaces the value of every <c>sig=</c>, <c>AccountKey=</c> and <c>SharedAccessSignature=</c>.</summary>
    public static string Redact(string text) =>
        Secrets().Replace(text, m => m.Groups["name"].Value + "REDACTED");

    /// <summary>The URI without its query values' secrets.</summary>
    public static string Redact(Uri uri) => Redact(uri.ToString());

    [GeneratedRegex(@"(?<name>\b(?:sig|AccountKey|SharedAccessSignature)=)[^&;\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex Secrets();
}
