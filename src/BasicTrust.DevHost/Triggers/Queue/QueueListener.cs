using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Worker;

namespace BasicTrust.DevHost.Triggers.Queue;

/// <summary>
/// A queue trigger as Storage extension 5.x runs it: polls with a random exponential back-off up to
/// <c>maxPollingInterval</c>, takes <c>batchSize</c> messages under a 10-minute lease it renews while the function
/// runs, deletes on success; on failure makes the message visible again after <c>visibilityTimeout</c>, or moves it
/// to <c>{queue}-poison</c> once it has been dequeued <c>maxDequeueCount</c> times.
/// </summary>
public sealed class QueueListener(FunctionDefinition function, QueueSettings settings, StorageAccounts accounts, FunctionInvoker invoker, ILogger logger)
{
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    static readonly TimeSpan MinimumPoll = TimeSpan.FromMilliseconds(100);
    string QueueName => function.Trigger["queueName"]!;
    string PoisonName => QueueName + "-poison";
    QueueClient Queue => accounts.Queue(function.Trigger.Connection, QueueName);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var delay = MinimumPoll;
        while (!cancellationToken.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                batch = (await Queue.ReceiveMessagesAsync(settings.BatchSize, Lease, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("{Function}: receiving from {Queue} failed: {Reason}", function.Name, QueueName, e.Message);
                batch = [];
            }
            if (batch.Length == 0)
            {
                await Task.Delay(Jitter(delay), cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                continue;
            }
            delay = MinimumPoll;
            // With newBatchThreshold 0 (this app's setting) the next batch waits for the whole current one.
            await Task.WhenAll(batch.Select(m => ProcessAsync(m, cancellationToken))).ConfigureAwait(false);
        }
    }

    async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (!accounts.TryDecode(message.MessageText, out var text))
        {
            logger.LogWarning("{Function}: message {Id} is not valid base64; moved to {Poison}", function.Name, message.MessageId, PoisonName);
            await PoisonAsync(message, message.MessageId, message.PopReceipt, message.MessageText, encode: false, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await PoisonAsync(message, message.MessageId, message.PopReceipt, text, encode: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        var popReceipt = message.PopReceipt;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(message.MessageId, () => popReceipt, r => popReceipt = r, running.Token);
        InvocationOutcome outcome;
        try
        {
            outcome = await invoker.InvokeAsync(function, QueueTriggerData.Request(function, message, text), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await running.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }

        if (outcome.Succeeded)
        {
            await Queue.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken).ConfigureAwait(false);
            return;
        }
        logger.LogWarning("{Function}: attempt {Attempt} of message {Id} failed", function.Name, message.DequeueCount, message.MessageId);
        if (message.DequeueCount >= settings.MaxDequeueCount)
            await PoisonAsync(message, message.MessageId, popReceipt, text, encode: true, cancellationToken).ConfigureAwait(false);
        else
            await Queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    async Task PoisonAsync(QueueMessage message, string id, string popReceipt, string text, bool encode, CancellationToken cancellationToken)
    {
        var poison = accounts.Queue(function.Trigger.Connection, PoisonName);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(encode ? accounts.Encode(text) : text, cancellationToken: cancellationToken).ConfigureAwait(false);
        await Queue.DeleteMessageAsync(id, popReceipt, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("{Function}: message {Id} moved to {Poison} after {Count} attempts", function.Name, message.MessageId, PoisonName, message.DequeueCount);
    }

    /// <summary>Keeps the message invisible while the function runs longer than the lease, as the host's timer does.</summary>
    async Task RenewAsync(string id, Func<string> popReceipt, Action<string> update, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 2, cancellationToken).ConfigureAwait(false);
                update((await Queue.UpdateMessageAsync(id, popReceipt(), visibilityTimeout: Lease, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.PopReceipt);
            }
        }
        catch (OperationCanceledException) { }
    }

    static TimeSpan Jitter(TimeSpan delay) => TimeSpan.FromTicks((long)(delay.Ticks * (0.5 + Random.Shared.NextDouble() / 2)));
}
