using BasicTrust.Functions.Api;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.Notifications;

/// <summary>The <c>mail-outbox</c> consumer, and what becomes of a mail that could not be sent at all.</summary>
public sealed class SendMailFunction(MailSender sender, AuditLog audit, TimeProvider clock, ILogger<SendMailFunction> logger)
{
    [Function("SendMail")]
    public Task RunAsync([QueueTrigger(Notifier.Outbox, Connection = StorageConnection.PipelineStorage)] MailJob job, CancellationToken cancellationToken) =>
        sender.SendAsync(job, cancellationToken);

    /// <summary>
    /// A mail the host gave up on (the relay refused it, or could not be reached for <see cref="MailOptions.GiveUpAfter"/>):
    /// logged as an error and written to the audit log, by ids only, so it is not lost silently.
    /// </summary>
    [Function("MailUndeliverable")]
    public async Task UndeliverableAsync([QueueTrigger(Notifier.OutboxPoison, Connection = StorageConnection.PipelineStorage)] MailJob job, CancellationToken cancellationToken)
    {
        logger.LogError("Mail {Kind} to {Recipient} for {CaseId}/{SessionId} plan {PlanId} could not be sent; it is in the audit log",
            job.Kind, job.Recipient, job.CaseId, job.SessionId, job.PlanId);
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), "mail", "mail-undeliverable", $"{job.CaseId}/{job.SessionId}/{job.PlanId}",
            Details: new { kind = job.Kind, recipient = job.Recipient }), cancellationToken);
    }
}
