using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using BasicTrust.DevHost.App;

namespace BasicTrust.DevHost.Triggers.Blob.EventGrid;

/// <summary>
/// Stands in for the storage account's Event Grid system topic, which Azurite does not have: it lists the subscribed
/// containers every <c>interval</c> and, for each blob that is new or has a new ETag since the last listing, sends a
/// <c>BlobCreated</c> event to every subscription whose filter matches, over HTTP to the host's blob webhook, as Event
/// Grid does. Delivery is at least once: a failed or lost attempt is retried on Event Grid's schedule until the
/// subscription's attempts or time to live run out, then the event is dead-lettered as a blob. Blobs present at start
/// are the baseline and get no event (a subscription sees only what happens after it exists); events not yet delivered
/// when the DevHost stops are lost, as when Event Grid gives up: the app's Sweep is the safety net for both.
/// </summary>
public sealed class EventGridStandIn(IReadOnlyList<BlobEventSubscription> subscriptions, StorageAccounts accounts, Func<Uri> webhookBase, string key,
    BlobEventDelivery delivery, TimeSpan interval, ILogger logger)
{
    // Event Grid waits 30 s for a webhook's answer.
    static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
    // Not retried by Event Grid: the request itself is wrong (Event Grid's "webhook" row of its retry table).
    static readonly HttpStatusCode[] Final = [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.RequestEntityTooLarge];
    readonly Dictionary<(string Connection, string Container), Dictionary<string, string>> _known = [];
    readonly ConcurrentDictionary<Guid, Task> _deliveries = new();

    IEnumerable<(string Connection, string Container)> Watched => subscriptions.Select(s => (s.Connection, s.Container)).Distinct();

    /// <summary>Takes the baseline: what exists now gets no event. A container storage does not answer for is baselined on the first listing that works.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var watched in Watched)
        {
            try { _known[watched] = await ListAsync(watched, cancellationToken).ConfigureAwait(false); }
            catch (Exception e) when (!StorageErrors.IsStopping(e, cancellationToken))
            {
                logger.LogWarning("Blob events: listing {Container} failed: {Reason}", watched.Container, StorageErrors.Describe(e));
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                foreach (var watched in Watched)
                {
                    try { await PublishChangesAsync(watched, cancellationToken).ConfigureAwait(false); }
                    catch (Exception e) when (!StorageErrors.IsStopping(e, cancellationToken))
                    {
                        logger.LogWarning("Blob events: listing {Container} failed: {Reason}", watched.Container, StorageErrors.Describe(e));
                    }
                }
            }
        }
        finally
        {
            // Deliveries end with the host (their delays are cancelled); what they had not delivered is lost.
            await Task.WhenAll(_deliveries.Values).ConfigureAwait(false);
        }
    }

    async Task<Dictionary<string, string>> ListAsync((string Connection, string Container) watched, CancellationToken cancellationToken)
    {
        var container = accounts.Blobs(watched.Connection).GetBlobContainerClient(watched.Container);
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false)) return blobs;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            if (blob.Properties.ETag is { } etag) blobs[blob.Name] = etag.ToString();
        return blobs;
    }

    async Task PublishChangesAsync((string Connection, string Container) watched, CancellationToken cancellationToken)
    {
        if (!_known.TryGetValue(watched, out var known))
        {
            _known[watched] = await ListAsync(watched, cancellationToken).ConfigureAwait(false);
            return;
        }
        var container = accounts.Blobs(watched.Connection).GetBlobContainerClient(watched.Container);
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false)) { known.Clear(); return; }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (blob.Properties.ETag is not { } etag) continue;
            seen.Add(blob.Name);
            if (known.TryGetValue(blob.Name, out var before) && before == etag.ToString()) continue;
            known[blob.Name] = etag.ToString();
            var created = BlobCreatedEvent.For(container, blob, DateTimeOffset.UtcNow);
            foreach (var subscription in subscriptions.Where(s => s.Connection == watched.Connection && s.Container == watched.Container && s.Matches(created.Subject)))
                Start(subscription, created, cancellationToken);
        }
        foreach (var gone in known.Keys.Where(name => !seen.Contains(name)).ToList()) known.Remove(gone);
    }

    void Start(BlobEventSubscription subscription, BlobCreatedEvent created, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var run = new Task<Task>(async () =>
        {
            try { await DeliverAsync(subscription, created, cancellationToken).ConfigureAwait(false); }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
            catch (Exception e) { logger.LogError("Blob events: delivering to {Function} failed: {Reason}", subscription.FunctionName, StorageErrors.Describe(e)); }
            finally { _deliveries.TryRemove(id, out _); }
        });
        _deliveries[id] = run.Unwrap();
        run.Start(TaskScheduler.Default);
    }

    async Task DeliverAsync(BlobEventSubscription subscription, BlobCreatedEvent created, CancellationToken cancellationToken)
    {
        var published = DateTimeOffset.UtcNow;
        var url = new Uri(webhookBase(), $"runtime/webhooks/blobs?functionName={BlobTriggerMessage.FunctionIdPrefix}{subscription.FunctionName}&code={Uri.EscapeDataString(key)}");
        for (var attempt = 1; ; attempt++)
        {
            var (delivered, status, outcome) = delivery.Lose?.Invoke(created, attempt) == true
                ? (false, (HttpStatusCode?)null, "lost")
                : await PostAsync(url, created, cancellationToken).ConfigureAwait(false);
            if (delivered) return;
            var wait = delivery.DelayAfter(attempt);
            var final = status is { } code && Final.Contains(code);
            if (final || attempt >= delivery.MaxDeliveryAttempts || DateTimeOffset.UtcNow + wait - published > delivery.EventTimeToLive)
            {
                var reason = final ? "DeliveryFailed" : attempt >= delivery.MaxDeliveryAttempts ? "MaxDeliveryAttemptsExceeded" : "TimeToLiveExceeded";
                await DeadLetterAsync(subscription, created, reason, attempt, status, outcome, published, cancellationToken).ConfigureAwait(false);
                return;
            }
            logger.LogWarning("Blob events: delivery {Attempt} to {Function} failed ({Outcome}); retrying in {Delay}", attempt, subscription.FunctionName, outcome, wait);
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    static async Task<(bool Delivered, HttpStatusCode? Status, string Outcome)> PostAsync(Uri url, BlobCreatedEvent created, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(new JsonArray(created.Json.DeepClone()).ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("aeg-event-type", "Notification");
        try
        {
            using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return (response.IsSuccessStatusCode, response.StatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (false, null, e is TaskCanceledException ? "TimedOut" : "Unreachable");
        }
    }

    /// <summary>As Event Grid dead-letters to a storage container: <c>{ACCOUNT}/{SUBSCRIPTION}/yyyy/MM/dd/HH/{id}.json</c>, an array of the event with why it was given up.</summary>
    async Task DeadLetterAsync(BlobEventSubscription subscription, BlobCreatedEvent created, string reason, int attempts, HttpStatusCode? status, string outcome,
        DateTimeOffset published, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var letter = created.Json.DeepClone().AsObject();
        letter["deadLetterReason"] = reason;
        letter["deliveryAttempts"] = attempts;
        letter["lastDeliveryOutcome"] = outcome;
        letter["lastHttpStatusCode"] = status is { } code ? (int)code : 0;
        letter["publishTime"] = published.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        letter["lastDeliveryAttemptTime"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var service = accounts.Blobs(subscription.Connection);
        var container = service.GetBlobContainerClient(delivery.DeadLetterContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{service.AccountName.ToUpperInvariant()}/{BlobEventSubscription.Name(subscription.FunctionName).ToUpperInvariant()}/{now:yyyy/MM/dd/HH}/{created.Id}.json");
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(new JsonArray(letter).ToJsonString()), cancellationToken).ConfigureAwait(false);
        logger.LogError("Blob events: gave up delivering an event to {Function} after {Attempts} attempts ({Reason}); dead-lettered in {Container}",
            subscription.FunctionName, attempts, reason, delivery.DeadLetterContainer);
    }
}
