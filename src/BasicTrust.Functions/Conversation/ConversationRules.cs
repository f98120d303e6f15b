namespace BasicTrust.Functions.Conversation;

/// <summary>
/// The rules on a terugkijkgesprek, pure: what a request may hold (every problem at once, each naming the field and
/// the rule), and where a record's texts belong on a reel, also one made again after they were written.
/// </summary>
public static class ConversationRules
{
    /// <summary>The texts of <paramref name="request"/> for the clips of <paramref name="reel"/> (in its showing order), or every problem with it.</summary>
    public static (IReadOnlyList<ClipConversation> Clips, string? PracticePoint, IReadOnlyList<FieldProblem> Errors) Read(ConversationRequest request, IReadOnlyList<PlannedClip> reel)
    {
        var errors = new List<FieldProblem>();
        var given = request.Clips ?? [];
        var texts = new Dictionary<string, string>();
        if (given.Count > reel.Count)
            errors.Add(FieldProblem.Create("clips", "max-items", "problem.max-items.conversation", ("max", reel.Count)));
        else
            for (var i = 0; i < given.Count; i++)
            {
                var path = $"clips[{i}]";
                // JSON's null in the list is an entry naming no clip.
                var item = given[i] ?? new ClipConversationRequest();
                var clip = item.ClipId is { } id ? reel.FirstOrDefault(c => c.ClipId == id) : null;
                if (clip is null) errors.Add(FieldProblem.Create($"{path}.clipId", "clip-of-reel", "problem.clip-of-reel.conversation"));
                else if (given.Take(i).Any(g => g?.ClipId == clip.ClipId)) errors.Add(FieldProblem.Create($"{path}.clipId", "unique", "problem.unique.conversation"));
                if (Text(item.ParentSaw, $"{path}.parentSaw", errors) is { } saw && clip is not null) texts[clip.ClipId] = saw;
            }
        var practicePoint = Text(request.PracticePoint, "practicePoint", errors);
        return ([.. reel.Where(c => texts.ContainsKey(c.ClipId)).Select(c => Of(c, texts[c.ClipId]))], practicePoint, errors);
    }

    /// <summary>
    /// A short text as stored: trimmed, line breaks as one <c>\n</c>, null when empty; a problem when it is longer than
    /// <see cref="ConversationRecord.MaxTextLength"/> or holds control characters other than a line break.
    /// </summary>
    static string? Text(string? given, string path, List<FieldProblem> errors)
    {
        var text = given?.ReplaceLineEndings("\n").Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > ConversationRecord.MaxTextLength)
            errors.Add(FieldProblem.Create(path, "length", "problem.length.conversation", ("length", text.Length), ("max", ConversationRecord.MaxTextLength)));
        if (text.Any(c => char.IsControl(c) && c != '\n'))
            errors.Add(FieldProblem.Create(path, "characters", "problem.characters.conversation"));
        return text;
    }

    /// <summary>
    /// The record's texts on the clips of <paramref name="reel"/> (plan <paramref name="planId"/>), in its showing order,
    /// and those that belong to none of them. A text stays with its clip; after the reel was made again it goes to the
    /// clip that best fits it: one holding its recording time and sharing a tag with it, else one holding the time, else
    /// one sharing a tag (a tag's id may be its place in the manifest, which changes when a tag before it goes). Each
    /// clip takes one text, the best fitting first.
    /// </summary>
    public static (ConversationRecord Placed, IReadOnlyList<ClipConversation> Unplaced) Place(ConversationRecord record, string planId, IReadOnlyList<PlannedClip> reel)
    {
        var fits = record.Clips.SelectMany((entry, i) => reel.Select((clip, j) => (Entry: i, Clip: clip, Order: j, Score: entry.ClipId == clip.ClipId ? 4 : Score(clip, entry))))
            .Where(f => f.Score > 0).OrderByDescending(f => f.Score).ThenBy(f => f.Entry).ThenBy(f => f.Order);
        var placed = new Dictionary<string, ClipConversation>();
        var done = new HashSet<int>();
        foreach (var fit in fits)
            if (!done.Contains(fit.Entry) && !placed.ContainsKey(fit.Clip.ClipId))
            {
                placed[fit.Clip.ClipId] = Of(fit.Clip, record.Clips[fit.Entry].ParentSaw);
                done.Add(fit.Entry);
            }
        return (record with { PlanId = planId, Clips = [.. reel.Where(c => placed.ContainsKey(c.ClipId)).Select(c => placed[c.ClipId])] },
            [.. record.Clips.Where((_, i) => !done.Contains(i))]);
    }

    /// <summary>A text on a clip, with what keeps it there: the clip's tags and its key moment in the recording.</summary>
    static ClipConversation Of(PlannedClip clip, string parentSaw) =>
        new(clip.ClipId, [.. clip.Tags.Select(t => t.Id)], Math.Round(clip.StillAt.TotalSeconds, 3), parentSaw);

    /// <summary>How well a clip of a new reel fits a text written on an earlier one: its recording time counts more than a shared tag.</summary>
    static int Score(PlannedClip clip, ClipConversation entry) =>
        (clip.In.TotalSeconds <= entry.RecordingAt && entry.RecordingAt <= clip.Out.TotalSeconds ? 2 : 0) + (clip.Tags.Any(t => entry.TagIds.Contains(t.Id)) ? 1 : 0);
}
