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

    /// <summary>
    /// Strengths (with clips of the child alone among them, in time order), then learning moments; when there are
    /// strengths and learning moments, the last strength moves to the end so the reel ends on one.
    /// </summary>
    static List<ClipPlan> StrengthsFirst(IReadOnlyList<ClipPlan> clips)
    {
        var leading = clips.Where(c => c.Valence != Valence.Learning).OrderBy(c => c.In).ToList();
        var learning = clips.Where(c => c.Valence == Valence.Learning).OrderBy(c => c.In).ToList();
        if (leading.FindLastIndex(c => c.Valence == Valence.Strength) is var last and >= 0 && learning.Count > 0)
        {
            var closing = leading[last];
            leading.RemoveAt(last);
            return [.. leading, .. learning, closing];
        }
        return [.. leading, .. learning];
    }

    /// <summary>
    /// The reel: chapters titled by <see cref="Title"/>, a caption cue for each tag the therapist captioned (naming who
    /// speaks, among <paramref name="people"/>), the total length checked against the limit. A clip's emphases (on
    /// <paramref name="grid"/>, the clips' frame rate) lengthen its chapter by the frames they add and move what
    /// follows them: chapters, cues, and a cue spanning one stretches.
    /// </summary>
    public static ReelPlan Build(string planId, IReadOnlyList<ClipPlan> ordered, ReelSettings settings, List<Problem> problems, FrameGrid? grid = null,
        IReadOnlyList<Person>? people = null)
    {
        var frames = grid ?? FrameGrid.Default;
        var chapters = new List<Chapter>();
        var cues = new List<CaptionCue>();
        var emphases = new List<EmphasisSpan>();
        var at = TimeSpan.Zero;
        foreach (var clip in ordered)
        {
            var length = clip.Duration + frames.Time(EmphasisPlanner.Added(clip.Emphases));
            chapters.Add(new Chapter(clip.ClipId, Title(clip, settings.Language), at, at + length));
            TimeSpan InReel(TimeSpan time) => at + EmphasisPlanner.Stretch(clip.Emphases, frames, (time < clip.In ? clip.In : time > clip.Out ? clip.Out : time) - clip.In);
            foreach (var tag in clip.Tags.Where(t => t.Caption is not null))
                cues.Add(new CaptionCue(tag.Id, InReel(tag.Start), InReel(tag.End), tag.Caption!, Voice(tag, people ?? [], settings.Language),
                    tag.CaptionVoice == CaptionVoice.Child));
            emphases.AddRange(EmphasisPlanner.Spans(clip, frames, at));
            at += length;
        }
        if (at > settings.MaxDuration)
            problems.Add(Problem.Error("reel.maxSeconds", "max-length", "problem.max-length",
                ("length", TimeCode.Seconds(at)), ("over", TimeCode.Seconds(at - settings.MaxDuration)), ("max", Math.Round(settings.MaxDuration.TotalSeconds))));
        return new ReelPlan(planId, ordered, chapters, cues.OrderBy(c => c.Start).ToList(), at, settings) { Emphases = emphases };
    }

    /// <summary>Who speaks a tag's caption, as the reel names them: the speaker's role ("Moeder"), else the child or the therapist.</summary>
    public static string Voice(Tag tag, IReadOnlyList<Person> people, string language) =>
        people.FirstOrDefault(p => p.Id == tag.Speaker)?.Role.Name(language)
        ?? (tag.CaptionVoice == CaptionVoice.Child ? PersonRoles.Find("kind")!.Name(language)
            : language == "en" ? "Therapist" : "Therapeut");

    /// <summary>
    /// The chapter title the parent sees. A strength clip: its distinct labels in the reel's language. A repaired one:
    /// <see cref="LearningTitles.Repair"/>, never the moment that was repaired. A learning moment: the therapist's
    /// caption when a tag has one, otherwise <see cref="LearningTitles.Neutral"/>; never the clinical label. Notes
    /// never: they are the therapist's internal notes.
    /// </summary>
    public static string Title(ClipPlan clip, string language) =>
        clip.Repaired ? LearningTitles.Repair(language)
        : clip.Valence == Valence.Learning ? clip.Tags.Select(t => t.Caption).FirstOrDefault(c => c is not null) ?? LearningTitles.Neutral(language)
        : string.Join(" · ", clip.Tags.Select(t => t.Label.DisplayName(language)).Distinct());

    /// <summary>What the clip file's comment holds: the therapist's captions only (never a note), joined.</summary>
    public static string Comment(ClipPlan clip) => string.Join(" · ", clip.Tags.Select(t => t.Caption).OfType<string>());
}
