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

    /// <summary>'=', ';', '#', '\' and line breaks are special in this format and get a backslash; CR LF and CR become LF.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in NormaliseLineEndings(value))
        {
            if (c is '=' or ';' or '#' or '\\' or '\n') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>CR LF and lone CR become LF: the one line break FFMETADATA (and FFMpegCore's builder) escapes.</summary>
    public static string NormaliseLineEndings(string value) =>
        value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
