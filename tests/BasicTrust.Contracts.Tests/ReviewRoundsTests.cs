using BasicTrust.Contracts.Documents;

namespace BasicTrust.Contracts.Tests;

/// <summary>Which review round a reel belongs to.</summary>
public class ReviewRoundsTests
{
    static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    static ReviewComment Comment(string id, string plan) => new(id, plan, "clip", "tekst", "r", At);

    [Fact]
    public void AFirstReel_IsRound1() => Assert.Equal(new ReviewRound(1, "p1", []), ReviewDocument.Empty.RoundOf("p1"));

    [Fact]
    public void AReelAfterAVerdict_OpensTheNextRound_AndTheEarlierRoundsStay()
    {
        var review = new ReviewDocument([new ReviewRound(1, "p1", [Comment("c1", "p1")], ReviewDecision.SendBack, "r", At)]);
        Assert.Equal(2, review.RoundOf("p2").Number);
        Assert.Equal(1, review.RoundOf("p1").Number);
        Assert.Equal("c1", Assert.Single(Assert.Single(review.Before("p2")).Comments).Id);
        Assert.Empty(review.Before("p1"));
    }

    [Fact]
    public void AReelBeforeAnyVerdict_StaysInTheOpenRound_WithItsComments()
    {
        var review = new ReviewDocument([new ReviewRound(1, "p1", [Comment("c1", "p1")])]);
        var round = review.RoundOf("p2");
        Assert.Equal((1, "p2", "p1"), (round.Number, round.PlanId, Assert.Single(round.Comments).PlanId));
    }

    [Fact]
    public void With_ReplacesTheRoundOfItsNumber_KeepingTheOrder()
    {
        var review = new ReviewDocument([new ReviewRound(1, "p1", [], ReviewDecision.SendBack), new ReviewRound(2, "p2", [])]);
        var changed = review.With(review.Rounds[0] with { Comments = [Comment("c1", "p1")] });
        Assert.Equal([1, 2], changed.Rounds.Select(r => r.Number));
        Assert.Single(changed.AllComments);
    }
}
