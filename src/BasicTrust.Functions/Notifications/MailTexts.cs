namespace BasicTrust.Functions.Notifications;

/// <summary>A mail's subject and plain-text body.</summary>
public sealed record MailText(string Subject, string Body);

/// <summary>
/// The mails' texts, in Dutch (the default, "u") or English, in the words the web app uses (montage/reel,
/// terugsturen/send back, terugkijkgesprek/feedback session). Pure. A mail carries no personal data: only the
/// pseudonymous case and session ids and the link to the page; what was said stays behind sign-in.
/// </summary>
public static class MailTexts
{
    public static readonly IReadOnlyList<string> Languages = ["nl", "en"];

    /// <summary>The language a person's mail is written in: theirs when it is one of <see cref="Languages"/>, Dutch otherwise.</summary>
    public static string LanguageOf(string? language) => language is not null && Languages.Contains(language) ? language : "nl";

    /// <summary>The page a mail links to: the reel for its reviewer and for a verdict, the session for a ready reel.</summary>
    public static string PagePath(MailKind kind, string caseId, string sessionId) => kind == MailKind.ReelReady
        ? $"cases/{caseId}/sessions/{sessionId}"
        : $"reels/{caseId}/{sessionId}";

    public static MailText For(MailKind kind, string? language, string caseId, string sessionId, Uri link)
    {
        var (subject, lead) = (LanguageOf(language), kind) switch
        {
            ("en", MailKind.ReelWaiting) => ($"A reel is waiting for your review: {caseId} · {sessionId}", $"The reel of {caseId} · {sessionId} is ready and waiting for your review."),
            ("en", MailKind.ReelReady) => ($"Your reel is ready: {caseId} · {sessionId}", $"The reel of {caseId} · {sessionId} is ready. You can watch it now."),
            ("en", MailKind.SentBack) => ($"Your reel was sent back with comments: {caseId} · {sessionId}", $"The supervisor sent the reel of {caseId} · {sessionId} back with comments. Read them, change the tags and send them again."),
            ("en", MailKind.Approved) => ($"Your reel was approved: {caseId} · {sessionId}", $"The supervisor approved the reel of {caseId} · {sessionId}. You can show it in the feedback session."),
            (_, MailKind.ReelWaiting) => ($"Een montage wacht op uw beoordeling: {caseId} · {sessionId}", $"De montage van {caseId} · {sessionId} is klaar en wacht op uw beoordeling."),
            (_, MailKind.ReelReady) => ($"Uw montage is klaar: {caseId} · {sessionId}", $"De montage van {caseId} · {sessionId} is klaar. U kunt hem nu bekijken."),
            (_, MailKind.SentBack) => ($"Uw montage is teruggestuurd met opmerkingen: {caseId} · {sessionId}", $"De supervisor heeft de montage van {caseId} · {sessionId} teruggestuurd met opmerkingen. Lees ze, pas de tags aan en stuur ze opnieuw in."),
            (_, MailKind.Approved) => ($"Uw montage is goedgekeurd: {caseId} · {sessionId}", $"De supervisor heeft de montage van {caseId} · {sessionId} goedgekeurd. U kunt hem laten zien in het terugkijkgesprek."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var footer = LanguageOf(language) == "en"
            ? "You receive this mail because you use Basic Trust reels. You can turn mail off on the Notifications page of the web app."
            : "U ontvangt deze mail omdat u met Basic Trust-montages werkt. U kunt de mail uitzetten op de pagina Meldingen van de webapp.";
        var open = LanguageOf(language) == "en" ? "Open the page (sign-in required):" : "Open de pagina (inloggen nodig):";
        return new MailText(subject, $"{lead}\n\n{open}\n{link}\n\n--\n{footer}\n");
    }
}
