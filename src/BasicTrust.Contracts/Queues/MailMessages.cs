namespace BasicTrust.Contracts.Queues;

/// <summary>What a mail tells: a reel waits for its reviewer, a reel is ready, a reel was sent back, or approved.</summary>
public enum MailKind { ReelWaiting, ReelReady, SentBack, Approved }

/// <summary>
/// A <c>mail-outbox</c> message: one mail to one person, by Entra object id (the address is looked up when it is sent,
/// so the queue holds no address). <c>QueuedAt</c> is when the event happened; <c>Attempt</c> counts the times the
/// mail server could not be reached.
/// </summary>
public sealed record MailJob(MailKind Kind, string Recipient, string CaseId, string SessionId, string PlanId, DateTimeOffset QueuedAt, int Attempt = 0);
