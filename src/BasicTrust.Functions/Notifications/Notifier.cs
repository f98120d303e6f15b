using System.Text.Json;
using Azure.Storage.Queues;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Notifications;

/// <summary>
/// Puts the mails an event calls for on <see cref="Outbox"/>, one message per person (by object id); <c>SendMail</c>
/// sends them. Sending through a queue means a mail server that is down delays mail and loses none.
/// </summary>
public sealed class Notifier(QueueServiceClient queues, CaseAccess cases, PipelineStore store, TimeProvider clock, ILogger<Notifier> logger)
{
    public const string Outbox = PipelineQueues.MailOutbox;
    public const string OutboxPoison = PipelineQueues.MailOutboxPoison;

    /// <summary>
    /// A plan's reel is ready: its reviewers and its owner are told, once per plan (a marker beside the plan, written
    /// after the messages: a failure in between tells them twice rather than never).
    /// </summary>
    public async Task ReelReadyAsync(SessionKey session, string planId, CancellationToken cancellationToken)
    {
        var marker = $"{session.PlanFolder(planId)}/mailed-ready";
        if (await store.ExistsAsync(SessionKey.Pipeline, marker, cancellationToken).ConfigureAwait(false)) return;
        if (await cases.GetAsync(session.CaseId, cancellationToken).ConfigureAwait(false) is not { PurgedAt: null } record) return;
        await EnqueueAsync(session, planId, MailRecipients.ReelReady(record), cancellationToken).ConfigureAwait(false);
        await store.CreateMarkerAsync(marker, clock.GetUtcNow().ToString("O"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A verdict was given: the owner is told (unless they gave it).</summary>
    public async Task VerdictAsync(SessionKey session, string planId, ReviewDecision decision, string decidedBy, CancellationToken cancellationToken)
    {
        if (await cases.GetAsync(session.CaseId, cancellationToken).ConfigureAwait(false) is not { PurgedAt: null } record) return;
        await EnqueueAsync(session, planId, MailRecipients.Verdict(record, decision, decidedBy), cancellationToken).ConfigureAwait(false);
    }

    async Task EnqueueAsync(SessionKey session, string planId, IReadOnlyList<(string Recipient, MailKind Kind)> mails, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(Outbox);
        foreach (var (recipient, kind) in mails)
        {
            var job = new MailJob(kind, recipient, session.CaseId, session.SessionId, planId, clock.GetUtcNow());
            await queue.SendMessageAsync(Wire(job), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Mail {Kind} for plan {PlanId} queued", kind, planId);
        }
    }

    /// <summary>Puts <paramref name="job"/> back on the outbox, to be tried again after <paramref name="delay"/>.</summary>
    public Task RetryLaterAsync(MailJob job, TimeSpan delay, CancellationToken cancellationToken) =>
        queues.GetQueueClient(Outbox).SendMessageAsync(Wire(job with { Attempt = job.Attempt + 1 }), delay, cancellationToken: cancellationToken);

    /// <summary>The message as the host reads it (base64, host.json's <c>messageEncoding</c>): the queue clients here write wire text.</summary>
    static string Wire(MailJob job) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(job, Json.Compact));

    /// <summary>Creates the outbox when missing (local runs; in Azure the infrastructure creates it).</summary>
    public Task CreateQueueAsync(CancellationToken cancellationToken) => queues.GetQueueClient(Outbox).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
}
