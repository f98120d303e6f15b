using BasicTrust.Contracts.Queues;
using BasicTrust.Functions.Notifications;

namespace BasicTrust.Functions.Tests.Notifications;

public class MailTextsTests
{
    static readonly Uri Link = new("https://web.example/reels/fam-1/s-1");

    [Theory]
    [InlineData(MailKind.ReelWaiting, "Een montage wacht op uw beoordeling: fam-1 · s-1")]
    [InlineData(MailKind.ReelReady, "Uw montage is klaar: fam-1 · s-1")]
    [InlineData(MailKind.SentBack, "Uw montage is teruggestuurd met opmerkingen: fam-1 · s-1")]
    [InlineData(MailKind.Approved, "Uw montage is goedgekeurd: fam-1 · s-1")]
    public void For_Dutch_SpeaksToTheReaderAsU(MailKind kind, string subject)
    {
        var text = MailTexts.For(kind, "nl", "fam-1", "s-1", Link);
        Assert.Equal(subject, text.Subject);
        Assert.Contains(" u ", " " + text.Body.ToLowerInvariant().Replace('.', ' '), StringComparison.Ordinal);
        Assert.DoesNotContain(" je ", text.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" jij ", text.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(MailKind.ReelWaiting, "A reel is waiting for your review: fam-1 · s-1")]
    [InlineData(MailKind.ReelReady, "Your reel is ready: fam-1 · s-1")]
    [InlineData(MailKind.SentBack, "Your reel was sent back with comments: fam-1 · s-1")]
    [InlineData(MailKind.Approved, "Your reel was approved: fam-1 · s-1")]
    public void For_English_NamesWhatHappened(MailKind kind, string subject) =>
        Assert.Equal(subject, MailTexts.For(kind, "en", "fam-1", "s-1", Link).Subject);

    [Theory]
    [InlineData(null)]
    [InlineData("de")]
    [InlineData("")]
    public void For_UnknownLanguage_IsDutch(string? language) =>
        Assert.StartsWith("Uw montage is klaar", MailTexts.For(MailKind.ReelReady, language, "fam-1", "s-1", Link).Subject);

    [Fact]
    public void For_EveryKind_CarriesTheIdsAndTheLinkAndNothingElse()
    {
        foreach (var kind in Enum.GetValues<MailKind>())
            foreach (var language in MailTexts.Languages)
            {
                var text = MailTexts.For(kind, language, "fam-1", "s-1", Link);
                Assert.Contains(Link.ToString(), text.Body, StringComparison.Ordinal);
                Assert.Contains("fam-1 · s-1", text.Body, StringComparison.Ordinal);
            }
    }

    [Theory]
    [InlineData(MailKind.ReelWaiting, "reels/fam-1/s-1")]
    [InlineData(MailKind.ReelReady, "cases/fam-1/sessions/s-1")]
    [InlineData(MailKind.SentBack, "reels/fam-1/s-1")]
    [InlineData(MailKind.Approved, "reels/fam-1/s-1")]
    public void PagePath_LinksToThePageThatAnswersTheMail(MailKind kind, string path) =>
        Assert.Equal(path, MailTexts.PagePath(kind, "fam-1", "s-1"));

    [Fact]
    public void Link_JoinsTheSiteUrlAndThePath_WithOrWithoutItsSlash()
    {
        Assert.Equal("https://web.example/reels/a/b", new MailOptions { SiteUrl = "https://web.example" }.Link("reels/a/b").ToString());
        Assert.Equal("https://web.example/app/reels/a/b", new MailOptions { SiteUrl = "https://web.example/app/" }.Link("reels/a/b").ToString());
    }

    [Fact]
    public void RetryDelay_DoublesFromTheFirstAndStopsAtTheMost()
    {
        var options = new MailOptions { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(15) };
        Assert.Equal([30, 60, 120, 240, 480, 900, 900], Enumerable.Range(0, 7).Select(a => MailSender.RetryDelay(a, options).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(15), MailSender.RetryDelay(10_000, options));
    }
}
