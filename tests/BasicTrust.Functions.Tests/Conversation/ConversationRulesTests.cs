using BasicTrust.Contracts.Api;
using BasicTrust.Contracts.Documents;
using BasicTrust.Functions.Conversation;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Functions.Tests.Conversation;

/// <summary>What a terugkijkgesprek may hold, and where its texts go on a reel, also one made again after they were written.</summary>
public class ConversationRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    static PlannedClip Clip(string id, double @in, double @out, params string[] tagIds) =>
        new(id, 0, TimeSpan.FromSeconds(@in), TimeSpan.FromSeconds(@out), TimeSpan.FromSeconds((@in + @out) / 2), Valence.Strength, "Benoemen", "",
            [.. tagIds.Select(t => new PlannedTag(t, "benoemen", "Benoemen", Valence.Strength, Actor.Parent, TimeSpan.FromSeconds(@in), TimeSpan.FromSeconds(@out),
                TimeSpan.FromSeconds((@in + @out) / 2), null, null))]);

    static readonly PlannedClip[] Reel = [Clip("aaa-01", 1, 4, "t1"), Clip("aaa-02", 6, 9, "t2", "t3"), Clip("aaa-03", 11, 14, "t4")];

    [Fact]
    public void Read_KeepsTheTextsInShowingOrder_WithTheClipsTagsAndKeyMoment_AndLeavesEmptyOnesOut()
    {
        var (clips, practice, errors) = ConversationRules.Read(new ConversationRequest(
            [new("aaa-03", "  Dat zij lachte  "), new("aaa-01", "Dat hij keek\r\nnaar mij"), new("aaa-02", "   ")], " Benoemen wat hij voelt "), Reel);

        Assert.Empty(errors);
        Assert.Equal([("aaa-01", "Dat hij keek\nnaar mij"), ("aaa-03", "Dat zij lachte")], clips.Select(c => (c.ClipId, c.ParentSaw)));
        Assert.Equal(["t1"], clips[0].TagIds);
        Assert.Equal(2.5, clips[0].RecordingAt);
        Assert.Equal("Benoemen wat hij voelt", practice);
    }

    [Fact]
    public void Read_NamesEveryProblem_ByFieldAndRule()
    {
        var tooLong = new string('a', ConversationRecord.MaxTextLength + 1);
        var (_, _, errors) = ConversationRules.Read(new ConversationRequest(
            [new("zzz-09", "x"), new("aaa-01", tooLong), new("aaa-01", "y"), new(null, "z"), new("aaa-02", "bel\u0007"), null!], tooLong),
            [.. Reel, Clip("aaa-04", 16, 18, "t5"), Clip("aaa-05", 20, 22, "t6"), Clip("aaa-06", 24, 26, "t7")]);

        Assert.Equal([
            ("clips[0].clipId", "clip-of-reel"), ("clips[1].parentSaw", "length"), ("clips[2].clipId", "unique"), ("clips[3].clipId", "clip-of-reel"),
            ("clips[4].parentSaw", "characters"), ("clips[5].clipId", "clip-of-reel"), ("practicePoint", "length"),
        ], errors.Select(e => (e.Path, e.Rule)));
        Assert.All(errors, e => Assert.StartsWith("problem.", e.Key));
    }

    [Fact]
    public void Read_MoreClipsThanTheReelHas_IsOneProblem()
    {
        var (_, _, errors) = ConversationRules.Read(new ConversationRequest([.. Enumerable.Range(0, 50).Select(i => new ClipConversationRequest($"x-{i}", "t"))]), Reel);

        Assert.Equal(("clips", "max-items"), (Assert.Single(errors).Path, errors[0].Rule));
    }

    [Fact]
    public void Read_Nothing_IsAnEmptyRecord()
    {
        var (clips, practice, errors) = ConversationRules.Read(new ConversationRequest(), Reel);
        Assert.Equal((0, null, 0), (clips.Count, practice, errors.Count));
    }

    static ConversationRecord Record(params ClipConversation[] clips) => new("aaa", clips, "Oefenpunt", "owner", Now);

    [Fact]
    public void Place_OnTheSameReel_KeepsEachTextOnItsClip()
    {
        var (placed, unplaced) = ConversationRules.Place(Record(new("aaa-02", ["t2", "t3"], 7.5, "twee"), new("aaa-01", ["t1"], 2.5, "een")), "aaa", Reel);

        Assert.Equal([("aaa-01", "een"), ("aaa-02", "twee")], placed.Clips.Select(c => (c.ClipId, c.ParentSaw)));
        Assert.Equal(("aaa", "Oefenpunt"), (placed.PlanId, placed.PracticePoint));
        Assert.Empty(unplaced);
    }

    [Fact]
    public void Place_OnAReelMadeAgain_FollowsTheMomentAndItsTags()
    {
        // The tags were sent again: t1 moved a little, t2 and t3 became two clips, t4 was removed.
        PlannedClip[] again = [Clip("bbb-01", 1.5, 4.5, "t1"), Clip("bbb-02", 5, 6.5, "t2"), Clip("bbb-03", 7, 9.5, "t3")];
        var (placed, unplaced) = ConversationRules.Place(
            Record(new("aaa-01", ["t1"], 2.5, "een"), new("aaa-02", ["t2", "t3"], 7.5, "twee"), new("aaa-03", ["t4"], 12.5, "drie")), "bbb", again);

        // The recording time (7.5) is in bbb-03; bbb-02 only shares a tag.
        Assert.Equal([("bbb-01", "een", (IReadOnlyList<string>)["t1"]), ("bbb-03", "twee", ["t3"])], placed.Clips.Select(c => (c.ClipId, c.ParentSaw, c.TagIds)));
        Assert.Equal("bbb", placed.PlanId);
        Assert.Equal(("aaa-03", "drie", 12.5), (Assert.Single(unplaced).ClipId, unplaced[0].ParentSaw, unplaced[0].RecordingAt));
    }

    [Fact]
    public void Place_WhenATagBeforeWentAndTheIdsMovedUp_TheMomentWins()
    {
        // Tags without ids are t1, t2 by their place: t1 was removed, so the old t2 is now called t1.
        PlannedClip[] again = [Clip("bbb-01", 6, 9, "t1")];
        var (placed, unplaced) = ConversationRules.Place(Record(new("aaa-01", ["t1"], 2.5, "een"), new("aaa-02", ["t2"], 7.5, "twee")), "bbb", again);

        Assert.Equal("twee", Assert.Single(placed.Clips).ParentSaw);
        Assert.Equal("een", Assert.Single(unplaced).ParentSaw);
    }

    [Fact]
    public void Place_TwoTextsForOneClip_TheClipsOwnFirst_TheOtherUnplaced()
    {
        PlannedClip[] merged = [Clip("bbb-01", 1, 9, "t1", "t2", "t3")];
        var (placed, unplaced) = ConversationRules.Place(Record(new("aaa-01", ["t1"], 2.5, "een"), new("bbb-01", ["t1", "t2", "t3"], 5, "nieuw")), "bbb", merged);

        Assert.Equal("nieuw", Assert.Single(placed.Clips).ParentSaw);
        Assert.Equal("een", Assert.Single(unplaced).ParentSaw);
    }
}
