using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Highlights.Export;

/// <summary>Writes a session's tags in another tool's format, names the file and says its media type.</summary>
public static class TagExport
{
    /// <summary>The format a name means (<c>elan</c>, <c>boris</c>, <c>csv</c>, as the import's), or null.</summary>
    public static TagFormat? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "elan" or "eaf" => TagFormat.Elan,
        "boris" => TagFormat.Boris,
        "csv" => TagFormat.Csv,
        _ => null,
    };

    /// <summary>The session's tags in <paramref name="format"/>; <paramref name="written"/> dates an ELAN file.</summary>
    public static string Write(TagFormat format, SessionManifest manifest, DateTimeOffset written) => format switch
    {
        TagFormat.Elan => ElanExport.Write(manifest, written),
        TagFormat.Boris => BorisExport.Write(manifest),
        _ => CsvExport.Write(manifest),
    };

    /// <summary><c>{caseId}-{sessionId}.eaf</c>, <c>…-boris.csv</c> or <c>….csv</c>: ids only, as every name we give.</summary>
    public static string FileName(TagFormat format, SessionManifest manifest) => $"{manifest.CaseId}-{manifest.SessionId}" + format switch
    {
        TagFormat.Elan => ".eaf",
        TagFormat.Boris => "-boris.csv",
        _ => ".csv",
    };

    public static string ContentType(TagFormat format) => format == TagFormat.Elan ? "application/xml" : "text/csv";

    /// <summary>
    /// The tags an export holds, in time order: every tag but the safety concerns. No other tool's file can mark a
    /// concern, and read back it would be a moment like any other, cut into the reel.
    /// </summary>
    internal static IReadOnlyList<Tag> Tags(SessionManifest manifest) =>
        [.. manifest.Tags.Where(t => !t.Concern).OrderBy(t => t.Start).ThenBy(t => t.Index)];
}
