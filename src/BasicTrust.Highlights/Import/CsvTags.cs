using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// Tags from a CSV file with the header <c>start,end,label,valence,actor,note,caption</c> (the last four optional, in
/// any order). The actor may be written as the manifest does (<c>parent</c>) or as a person (<c>moeder</c>, <c>kind</c>).
/// </summary>
/// <remarks>
/// Rows are read one at a time: the header's columns are looked up once, a row wider than
/// <see cref="ImportLimits.MaxColumns"/> is refused as it is read, and so is the first tag past the cap.
/// </remarks>
public static class CsvTags
{
    // The first three are required.
    static readonly string[] Names = ["start", "end", "label", "valence", "note", "caption", "actor"];

    public static IReadOnlyList<ImportedTag> Read(string text)
    {
        int[]? columns = null; // where in a row each of Names is, or -1
        var tags = new List<ImportedTag>();
        foreach (var row in DelimitedRows.Read(text, ',', "CSV"))
        {
            if (columns is null)
            {
                columns = Columns(row);
                continue;
            }
            string? Field(int column) => columns[column] is var i and >= 0 && i < row.Count ? row[i] : null;
            ImportLimits.Add(tags, new ImportedTag(Field(0) ?? "", Field(1) ?? "", Field(2) ?? "", Field(3), Field(4), Field(5), Actor(Field(6))));
        }
        if (columns is null) throw new ImportRefusedException("$", "empty", "problem.empty");
        return tags;
    }

    /// <summary>A person's name as the manifest's actor; anything else as written, for the manifest to refuse by name.</summary>
    static string? Actor(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : ActorNames.Find(text) is { } actor ? ActorNames.Code(actor) : text.Trim();

    static int[] Columns(List<string> header)
    {
        var names = header.ConvertAll(h => h.Trim().ToLowerInvariant());
        foreach (var required in Names[..3])
            if (!names.Contains(required))
                throw new ImportRefusedException(required, "required", "problem.required.column", ("column", required));
        return [.. Names.Select(n => names.IndexOf(n))];
    }
}
