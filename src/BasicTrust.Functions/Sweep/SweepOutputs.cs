using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.Sweep;

/// <summary>The jobs a sweep re-queues.</summary>
public sealed class SweepOutputs
{
    [QueueOutput("clip-jobs", Connection = StorageConnection.PipelineStorage)]
    public ClipJob[] ClipJobs { get; init; } = [];

    [QueueOutput("reel-jobs", Connection = StorageConnection.PipelineStorage)]
    public ReelJob[] ReelJobs { get; init; } = [];
}
