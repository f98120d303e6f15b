namespace BasicTrust.DevHost.Triggers.Blob.EventGrid;

/// <summary>
/// How the DevHost's stand-in for Event Grid delivers blob events: Event Grid's retry schedule and the subscription's
/// retry policy (<c>maxDeliveryAttempts</c>, <c>eventTimeToLiveInMinutes</c>, as <c>infra/blobevents.bicep</c> sets them),
/// and the container where an event it gave up on is dead-lettered. <see cref="Lose"/> lets a test lose deliveries.
/// </summary>
public sealed record BlobEventDelivery
{
    /// <summary>Event Grid's schedule: 10 s, 30 s, 1 min, 5 min, 10 min, 30 min, 1 h, 3 h, 6 h, then every 12 h.</summary>
    public static readonly IReadOnlyList<TimeSpan> AzureSchedule =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
    ];

    /// <summary>The wait before each retry; the last one repeats.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = AzureSchedule;
    public int MaxDeliveryAttempts { get; init; } = 30;
    public TimeSpan EventTimeToLive { get; init; } = TimeSpan.FromMinutes(1440);
    /// <summary>The dead-letter container, in the storage account of the blob the event is about.</summary>
    public string DeadLetterContainer { get; init; } = "eventgrid-deadletter";
    /// <summary>For tests: true loses that delivery attempt (event, attempt from 1), as a network fault would; it counts as failed.</summary>
    public Func<BlobCreatedEvent, int, bool>? Lose { get; init; }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan DelayAfter(int attempt) => RetryDelays.Count == 0 ? TimeSpan.Zero : RetryDelays[Math.Min(attempt, RetryDelays.Count) - 1];
}
