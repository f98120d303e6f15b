using System.Diagnostics;
using System.Diagnostics.Metrics;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Telemetry;

/// <summary>
/// The pipeline's own traces and metrics (OpenTelemetry names, exported by the worker's OpenTelemetry set-up):
/// one trace per session — <c>upload</c> (PutManifest), <c>plan</c>, one <c>clip</c> per clip, <c>reel</c>,
/// <c>index</c> — whose context travels in the manifest's blob metadata and in the queue messages (W3C
/// <c>traceparent</c>), each step linked to the invocation the host traced. Attributes hold pseudonymous ids, states and
/// rule codes only: never a caption, a note, a name or a link.
/// </summary>
public static class PipelineTelemetry
{
    public const string Name = "BasicTrust.Pipeline";
    /// <summary>The manifest blob's metadata entry holding the upload's trace context.</summary>
    public const string TraceParentMetadata = "traceparent";

    static readonly ActivitySource Source = new(Name);
    static readonly Meter Meter = new(Name);
    static readonly Histogram<double> CutSecondsPerClipSecond = Meter.CreateHistogram<double>("basictrust.clip.cut_ratio", "s/s",
        "Seconds spent cutting a clip per second of clip");
    static readonly Histogram<long> RecordingBytesPerClip = Meter.CreateHistogram<long>("basictrust.clip.bytes_read", "By",
        "Bytes of the recording asked from storage to make a clip (its video and still), read-ahead included");
    static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>("basictrust.queue.wait", "s",
        "Time a pipeline message waited in its queue before a worker took it");
    static readonly Counter<long> Sessions = Meter.CreateCounter<long>("basictrust.sessions", "{session}",
        "Sessions that ended, by outcome (ready, failed) and failure reason (the first error's rule)");
    static readonly Histogram<double> PreviewTime = Meter.CreateHistogram<double>("basictrust.preview.duration", "s",
        "Time to check a recording and make its browser preview");

    /// <summary>
    /// Starts a step of the session's trace: a child of <paramref name="traceParent"/> (the step before it), or the root
    /// of a new trace when there is none; the invocation's own activity becomes a link. Null when nobody listens.
    /// </summary>
    public static Activity? StartStep(string name, SessionKey session, string? traceParent, params (string Key, object? Value)[] tags)
    {
        var invocation = Activity.Current;
        ActivityContext.TryParse(traceParent, null, out var parent);
        // A default parent would make it the invocation's child; the session's trace is its own.
        Activity.Current = null;
        var links = invocation is null ? null : new[] { new ActivityLink(invocation.Context) };
        var activity = Source.StartActivity(name, ActivityKind.Internal, parent, links: links);
        if (activity is null) { Activity.Current = invocation; return null; }
        activity.SetTag("basictrust.case_id", session.CaseId);
        activity.SetTag("basictrust.session_id", session.SessionId);
        foreach (var (key, value) in tags) activity.SetTag(key, value);
        return activity;
    }

    /// <summary>The context a message passes on to the next step (the current step's <c>traceparent</c>).</summary>
    public static string? Current => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    public static void ClipCut(TimeSpan spent, TimeSpan clipLength)
    {
        if (clipLength > TimeSpan.Zero) CutSecondsPerClipSecond.Record(spent.TotalSeconds / clipLength.TotalSeconds);
    }

    /// <summary>Records the recording's bytes a clip asked storage for, also on the clip's span.</summary>
    public static void ClipRead(long bytes)
    {
        RecordingBytesPerClip.Record(bytes);
        Activity.Current?.SetTag("basictrust.bytes_read", bytes);
    }

    public static void Waited(string queue, DateTimeOffset insertedAt, DateTimeOffset now) =>
        QueueWait.Record(Math.Max(0, (now - insertedAt).TotalSeconds), new KeyValuePair<string, object?>("basictrust.queue", queue));

    /// <summary>Counts a session that reached ready or failed, with the rule of its first error when it failed.</summary>
    public static void SessionEnded(SessionStatus status)
    {
        var outcome = status.State == SessionState.Ready ? "ready" : "failed";
        Sessions.Add(1, new KeyValuePair<string, object?>("basictrust.outcome", outcome),
            new KeyValuePair<string, object?>("basictrust.failure_reason", status.State == SessionState.Failed ? status.Errors.FirstOrDefault()?.Rule ?? "unknown" : null));
    }

    public static void PreviewMade(TimeSpan spent) => PreviewTime.Record(spent.TotalSeconds);
}
