namespace BasicTrust.DevHost.Worker;

/// <summary>The worker went away (exited, was killed, or is being replaced) before it answered.</summary>
public sealed class WorkerUnavailableException(string message) : Exception(message);
