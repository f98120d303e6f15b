using BasicTrust.Functions.Access;

namespace BasicTrust.Functions.Notifications;

/// <summary>Who gets which mail, from the case's access record: pure, so the rule lives here once.</summary>
public static class MailRecipients
{
    /// <summary>A ready reel: each reviewer is told it waits for them; the owner that it is ready.</summary>
    public static IReadOnlyList<(string Recipient, MailKind Kind)> ReelReady(CaseRecord record) =>
        [.. record.Reviewers.Where(r => r != record.Owner).Distinct().Order(StringComparer.Ordinal).Select(r => (r, MailKind.ReelWaiting)),
            (record.Owner, MailKind.ReelReady)];

    /// <summary>A verdict goes to the owner; not when the owner gave it (a case without a reviewer): nobody needs telling.</summary>
    public static IReadOnlyList<(string Recipient, MailKind Kind)> Verdict(CaseRecord record, ReviewDecision decision, string decidedBy) =>
        decidedBy == record.Owner ? [] : [(record.Owner, decision == ReviewDecision.Approve ? MailKind.Approved : MailKind.SentBack)];
}
