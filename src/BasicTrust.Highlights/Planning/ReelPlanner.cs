using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Planning;

/// <summary>Puts clips in showing order and lays out chapters and captions in reel time.</summary>
public static class ReelPlanner
{
    /// <summary>The showing order of clips (given in time order).</summary>
    public static IReadOnlyList<ClipPlan> Order(IReadOnlyList<ClipPlan> clips, ReelOrder order) => order switch
    {
        ReelOrder.AsListed => clips.OrderBy(c => c.Tags.Min(t => t.Index)).ToList(),
        ReelOrder.StrengthsFirst => StrengthsFirst(clips),
        _ => clips.OrderBy(c => c.In).ToList(),
    };

    /// <summary>Strengths, then learning moments; when there are both, the last strength moves to the end so the reel ends on one.</summary>
    static List<ClipPlan> StrengthsFirst(IReadOnlyList<ClipPlan> clips)
    {
        var strengths = clips.Where(c => c.Valence == Valence.Strength).OrderBy(c => c.In).ToList();
        var learning = clips.Where(c => c.Valence == Valence.Learning).OrderBy(c => c.In).ToList();
        if (strengths.Count == 0 || learning.Count == 0) return [.. strengths, .. learning];
        return [.. strengths[..^1], .. learning, strengths[^1]];
    }

    /// <summary>The reel: chapters titled with each clip's labels, captions from each tag, the total length checked against the limit.</summary>
    public static ReelPlan Build(string planId, IReadOnlyList<ClipPlan> ordered, ReelSettings settings, List<Problem> problems)
    {
        var chapters = new List<Chapter>();
        var cues = new List<CaptionCue>();
        var at = TimeSpan.Zero;
        foreach (var clip in ordered)
        {
            chapters.Add(new Chapter(clip.ClipId, Title(clip, settings.Language), at, at + clip.Duration));
            foreach (var tag in clip.Tags)
            {
                var start = (tag.Start < clip.In ? clip.In : tag.Start) - clip.In + at;
                var end = (tag.End > clip.Out ? clip.Out : tag.End) - clip.In + at;
                cues.Add(new CaptionCue(tag.Id, start, end, CaptionText(tag, settings.Language)));
            }
            at += clip.Duration;
        }
        if (at > settings.MaxDuration)
            problems.Add(Problem.Error("reel.maxSeconds", "max-length",
                $"The reel would run {TimeCode.Seconds(at)} s, {TimeCode.Seconds(at - settings.MaxDuration)} s over the {settings.MaxDuration.TotalSeconds:0} s limit: shorten or drop tags, or raise reel.maxSeconds."));
        return new ReelPlan(planId, ordered, chapters, cues.OrderBy(c => c.Start).ToList(), at, settings);
    }

    /// <summary>The clip's distinct labels in the reel's language, joined.</summary>
    public static string Title(ClipPlan clip, string language) =>
        string.Join(" · ", clip.Tags.Select(t => t.Label.DisplayName(language)).Distinct());

    /// <summary>The tag's caption when it has one; otherwise its label and note.</summary>
    public static string CaptionText(Tag tag, string language) =>
        tag.Caption ?? (tag.Note is null ? tag.Label.DisplayName(language) : $"{tag.Label.DisplayName(language)}: {tag.Note}");
}
