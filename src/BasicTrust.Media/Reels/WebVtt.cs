using System.Text;
using BasicTrust.Highlights.Planning;

namespace BasicTrust.Media.Reels;

/// <summary>Writes caption cues as WebVTT (https://www.w3.org/TR/webvtt1/), the sidecar players and browsers read.</summary>
public static class WebVtt
{
    /// <summary>
    /// The whole file. Cue text is escaped, so a caption cannot inject markup or end a cue early. A cue names who speaks
    /// in a voice span (<c>&lt;v Moeder&gt;</c>); the child's words are in italics as well, so the parent tells them apart.
    /// </summary>
    public static string Write(IEnumerable<CaptionCue> cues)
    {
        var vtt = new StringBuilder("WEBVTT\n");
        var number = 0;
        foreach (var cue in cues)
            vtt.Append('\n').Append(++number).Append('\n')
               .Append(Time(cue.Start)).Append(" --> ").Append(Time(cue.End)).Append('\n')
               .Append(Text(cue)).Append('\n');
        return vtt.ToString();
    }

    static string Text(CaptionCue cue)
    {
        var text = cue.ChildWords ? $"<i>{Escape(cue.Text)}</i>" : Escape(cue.Text);
        // A voice's name is ours (a role's name), never the therapist's text; still, nothing in it may close the tag.
        return cue.Voice is { } voice ? $"<v {Escape(voice).Replace("\n", " ", StringComparison.Ordinal)}>{text}</v>" : text;
    }

    /// <summary>&amp;, &lt; and &gt; as entities (so "-->" cannot appear); blank lines removed, because a blank line ends a cue.</summary>
    public static string Escape(string text)
    {
        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return string.Join('\n', escaped.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    static string Time(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}";
}
