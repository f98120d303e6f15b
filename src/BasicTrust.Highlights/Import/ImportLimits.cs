using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// What the readers take from a file. Each counts while it reads and refuses as soon as a limit is passed, so a
/// hostile file costs one pass over its text at most, and never more memory than the tags a session may hold.
/// </summary>
public static class ImportLimits
{
    /// <summary>Columns in a CSV or BORIS row: ours has six, BORIS about twenty; spreadsheets add empty ones.</summary>
    public const int MaxColumns = 256;

    /// <summary>How deep XML elements nest: an ELAN file's annotation values sit at depth 4.</summary>
    public const int MaxXmlDepth = 32;

    /// <summary>Notes on tags (an ELAN file's dependent tiers): a few per tag at most.</summary>
    public const int MaxNotes = 4 * ManifestReader.MaxTags;

    /// <summary>Adds <paramref name="tag"/>, or refuses the file once it holds more tags than a session takes.</summary>
    public static void Add<T>(List<T> tags, T tag)
    {
        if (tags.Count == ManifestReader.MaxTags)
            throw new ImportRefusedException("$", "max-tags", "problem.max-tags", ("max", ManifestReader.MaxTags));
        tags.Add(tag);
    }

    /// <summary>Adds <paramref name="note"/>, or refuses the file once it holds more than <see cref="MaxNotes"/>.</summary>
    public static void AddNote<T>(List<T> notes, T note)
    {
        if (notes.Count == MaxNotes)
            throw new ImportRefusedException("$", "max-notes", "problem.max-notes", ("max", MaxNotes));
        notes.Add(note);
    }
}
