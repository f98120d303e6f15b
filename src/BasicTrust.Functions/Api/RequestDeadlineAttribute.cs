namespace BasicTrust.Functions.Api;

/// <summary>
/// An HTTP function that may take longer than <see cref="Pipeline.PipelineOptions.RequestDeadline"/> (a purge goes
/// through every queue) gets this many seconds instead; Azure's front end cuts any request at 230 s.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestDeadlineAttribute(int seconds) : Attribute
{
    public TimeSpan Deadline { get; } = TimeSpan.FromSeconds(seconds);
}
