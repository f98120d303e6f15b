using System.Text;
using BasicTrust.Highlights.Planning;

namespace BasicTrust.Media.Reels;

/// <summary>Writes FFmpeg's metadata file format (https://ffmpeg.org/ffmpeg-formats.html#Metadata-1): the reel's title and chapters.</summary>
public static class FfMetadata
{
    /// <summary>The whole file, chapters in milliseconds.</summary>
    public static string Write(string title, IEnumerable<Chapter> chapters)
    {
        var text = new StringBuilder(";FFMETADATA1\n").Append("title=").Append(Escape(title)).Append('\n');
        foreach (var chapter in chapters)
            text.Append("[CHAPTER]\nTIMEBASE=1/1000\n")
                .Append("START=").Append((long)chapter.Start.TotalMilliseconds).Append('\n')
                .Append("END=").Append((long)chapter.End.TotalMilliseconds).Append('\n')
                .Append("title=").Append(Escape(chapter.Title)).Append('\n');
        return text.ToString();
    }

    /// <summary>'=', ';', '#', '\' and line breaks are special in this format and get a backslash (after <see cref="Prepare"/>).</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in Prepare(value))
        {
            if (c is '=' or ';' or '#' or '\\' or '\n') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Text ready to be escaped into an FFMETADATA value (here or by FFMpegCore's builder): line endings normalised,
    /// and a NUL after a trailing backslash. FFmpeg 5.1 ends a line only where the byte before is not a backslash, so an
    /// escaped trailing backslash would swallow the line break and the next line; it reads values as C strings, so the NUL
    /// ends the value right there (read_line_to_bprint_escaped in https://github.com/FFmpeg/FFmpeg/blob/release/5.1/libavformat/ffmetadec.c).
    /// </summary>
    public static string Prepare(string value)
    {
        var text = NormaliseLineEndings(value);
        return text.EndsWith('\\') ? text + '\0' : text;
    }

    /// <summary>CR LF and lone CR become LF: the one line break FFMETADATA (and FFMpegCore's builder) escapes.</summary>
    public static string NormaliseLineEndings(string value) =>
        value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
