using System.Globalization;
using System.Text;

namespace BasicTrust.Highlights.Export;

/// <summary>Rows of a CSV file as RFC 4180 writes them (and the imports read them): a cell with a comma, a quote or a line break is quoted.</summary>
public static class CsvCells
{
    public static void Row(StringBuilder csv, params IEnumerable<string?> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    static string Cell(string? text) =>
        text is null ? "" : text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;

    /// <summary>Seconds as the imports read them: invariant, to the millisecond.</summary>
    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
