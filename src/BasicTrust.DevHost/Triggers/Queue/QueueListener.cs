using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Worker;

namespace BasicTrust.DevHost.Triggers.Queue;

/// <summary>
/// A queue trigger as Storage extension 5.x runs it: polls with a random exponential back-off up to
/// <c>maxPollingInterval</c>, takes <c>batchSize</c> messages under a 10-minute lease it renews while the function
/// runs, deletes on success; on failure makes the message visible again after <c>visibilityTimeout</c>, or moves it
/// to <c>{queue}-poison</c> once it has been dequeued <c>maxDequeueCount</c> times. No storage error ends it (see
/// <see cref="StorageErrors"/>): a message it cannot settle comes back when its lease runs out. It serves a function's
/// queue trigger (<see cref="For"/>) and the host's own blob trigger queue (<see cref="Blob.BlobEventQueue"/>).
/// </summary>
public sealed class QueueListener(QueueSource source, StorageAccounts accounts, ILogger logger, SemaphoreSlim? nudge = null)
{
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    static readonly TimeSpan MinimumPoll = TimeSpan.FromMilliseconds(100);
    // Deleting or releasing a message is retried while storage is away, but not past the point where waiting for
    // the lease to run out is as good.
    static readonly TimeSpan SettleFor = TimeSpan.FromMinutes(2);
    static readonly TimeSpan ReleaseFor = TimeSpan.FromSeconds(10);
    QueueSettings Settings => source.Settings;
    string QueueName => source.QueueName;
    QueueClient Queue => accounts.Queue(source.Connection, QueueName);

    /// <summary>The listener of a queue-triggered function: its queue, poison to <c>{queue}-poison</c> beside it.</summary>
    public static QueueListener For(FunctionDefinition function, QueueSettings settings, StorageAccounts accounts, FunctionInvoker invoker, ILogger logger)
    {
        var queue = function.Trigger["queueName"]!;
        var source = new QueueSource(function.Name, function.Trigger.Connection, queue, settings,
            (message, text, cancellationToken) => invoker.InvokeAsync(function, QueueTriggerData.Request(function, message, text), cancellationToken),
            _ => (function.Trigger.Connection, queue + "-poison"));
        return new QueueListener(source, accounts, logger);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = MinimumPoll;
        var created = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                if (!created)
                {
                    await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    created = true;
                }
                batch = (await Queue.ReceiveMessagesAsync(Settings.BatchSize, Lease, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (Exception e) when (!StorageErrors.IsStopping(e, cancellationToken))
            {
                logger.LogWarning("{Function}: receiving from {Queue} failed: {Reason}", source.Name, QueueName, StorageErrors.Describe(e));
                batch = [];
            }
            if (batch.Length == 0)
            {
                await WaitAsync(Jitter(delay), cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Settings.MaxPollingInterval.Ticks));
                continue;
            }
            delay = MinimumPoll;
            // The next batch waits for the whole current one, as the host does with newBatchThreshold 0 (this app's
            // setting); other thresholds are not honoured (see docs/devhost.md, "What it does not mirror").
            await Task.WhenAll(batch.Select(m => ProcessSafelyAsync(m, cancellationToken))).ConfigureAwait(false);
        }
    }

    /// <summary>One message; whatever goes wrong is logged and the message left to its lease, never thrown to the loop.</summary>
    async Task ProcessSafelyAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!StorageErrors.IsStopping(e, cancellationToken))
        {
            logger.LogError("{Function}: message {Id} could not be handled ({Reason}); it comes back when its lease runs out",
                source.Name, message.MessageId, StorageErrors.Describe(e));
        }
    }

    async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (!accounts.TryDecode(message.MessageText, out var text))
        {
            logger.LogWarning("{Function}: message {Id} is not valid base64; moved to the poison queue", source.Name, message.MessageId);
            await PoisonAsync(message, message.PopReceipt, message.MessageText, encode: false, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (message.DequeueCount > Settings.MaxDequeueCount)
        {
            await PoisonAsync(message, message.PopReceipt, text, encode: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        var popReceipt = message.PopReceipt;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(message.MessageId, () => popReceipt, r => popReceipt = r, running.Token);
        InvocationOutcome? outcome = null;
        try
        {
            outcome = await source.Handle(message, text, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
        finally
        {
            await running.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }

        if (outcome is null or { WorkerUnavailable: true })
        {
            // Stopping (Ctrl+C, a restart) or no worker to take it: not an attempt. Make it visible again at once
            // rather than after the 10-minute lease, for this host's next start or another host.
            await ReleaseAsync(message, popReceipt).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        if (outcome.Succeeded)
        {
            await SettleAsync(() => Queue.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken), "deleting", message, cancellationToken).ConfigureAwait(false);
            return;
        }
        logger.LogWarning("{Function}: attempt {Attempt} of message {Id} failed", source.Name, message.DequeueCount, message.MessageId);
        if (message.DequeueCount >= Settings.MaxDequeueCount)
            await PoisonAsync(message, popReceipt, text, encode: true, cancellationToken).ConfigureAwait(false);
        else
            await SettleAsync(() => Queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: Settings.VisibilityTimeout, cancellationToken: cancellationToken),
                "releasing", message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Visible again now. Not cancelled by stopping, which is when it matters; bounded, so stopping does not hang on storage.</summary>
    async Task ReleaseAsync(QueueMessage message, string popReceipt)
    {
        using var timeout = new CancellationTokenSource(ReleaseFor);
        try
        {
            await Queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: timeout.Token).ConfigureAwait(false);
            logger.LogInformation("{Function}: message {Id} released without an attempt", source.Name, message.MessageId);
        }
        catch (Exception e)
        {
            logger.LogWarning("{Function}: releasing message {Id} failed ({Reason}); it comes back when its lease runs out", source.Name, message.MessageId, StorageErrors.Describe(e));
        }
    }

    async Task PoisonAsync(QueueMessage message, string popReceipt, string text, bool encode, CancellationToken cancellationToken)
    {
        var (connection, poisonName) = source.PoisonFor(text);
        var poison = accounts.Queue(connection, poisonName);
        var sent = await SettleAsync(async () =>
        {
            await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await poison.SendMessageAsync(encode ? accounts.Encode(text) : text, cancellationToken: cancellationToken).ConfigureAwait(false);
        }, "moving to poison", message, cancellationToken).ConfigureAwait(false);
        // Not sent: leave the message where it is, so it is not lost; its next delivery tries again.
        if (!sent) return;
        await SettleAsync(() => Queue.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken), "deleting", message, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("{Function}: message {Id} moved to {Poison} after {Count} attempts", source.Name, message.MessageId, poisonName, message.DequeueCount);
    }

    Task<bool> SettleAsync(Func<Task> call, string action, QueueMessage message, CancellationToken cancellationToken) =>
        StorageErrors.SettleAsync(call, $"{source.Name}: {action} message {message.MessageId}", SettleFor, logger, cancellationToken);

    /// <summary>
    /// Keeps the message invisible while the function runs longer than the lease, as the host's timer does. A failed
    /// renewal is logged and tried again sooner; a pop receipt storage no longer knows ends the renewals.
    /// </summary>
    async Task RenewAsync(string id, Func<string> popReceipt, Action<string> update, CancellationToken cancellationToken)
    {
        var wait = Lease / 2;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                update((await Queue.UpdateMessageAsync(id, popReceipt(), visibilityTimeout: Lease, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.PopReceipt);
                wait = Lease / 2;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("{Function}: renewing the lease of message {Id} failed: {Reason}", source.Name, id, StorageErrors.Describe(e));
                if (!StorageErrors.IsTransient(e)) return;
                wait = TimeSpan.FromSeconds(10);
            }
        }
    }

    /// <summary>The poll's back-off, cut short when a writer on this host says a message is there (the host's shared queue watcher).</summary>
    async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (nudge is null) { await Task.Delay(delay, cancellationToken).ConfigureAwait(false); return; }
        await nudge.WaitAsync(delay, cancellationToken).ConfigureAwait(false);
    }

    static TimeSpan Jitter(TimeSpan delay) => TimeSpan.FromTicks((long)(delay.Ticks * (0.5 + Random.Shared.NextDouble() / 2)));
}
