using System.Text;
using BasicTrust.Highlights.Planning;

namespace BasicTrust.Media.Reels;

/// <summary>Writes caption cues as WebVTT (https://www.w3.org/TR/webvtt1/), the sidecar players and browsers read.</summary>
public static class WebVtt
{
    /// <summary>The whole file. Cue text is escaped, so a note cannot inject markup or end a cue early.</summary>
    public static string Write(IEnumerable<CaptionCue> cues)
    {
        var vtt = new StringBuilder("WEBVTT\n");
        var number = 0;
        foreach (var cue in cues)
            vtt.Append('\n').Append(++number).Append('\n')
               .Append(Time(cue.Start)).Append(" --> ").Append(Time(cue.End)).Append('\n')
               .Append(Escape(cue.Text)).Append('\n');
        return vtt.ToString();
    }

    /// <summary>&amp;, &lt; and &gt; as entities (so "-->" cannot appear); blank lines removed, because a blank line ends a cue.</summary>
    public static string Escape(string text)
    {
        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return string.Join('\n', escaped.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    static string Time(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}";
}
