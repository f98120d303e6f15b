using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.Sweep;

/// <summary>The jobs a sweep re-queues.</summary>
public sealed class SweepOutputs
{
    [QueueOutput(PipelineQueues.ClipJobs, Connection = StorageConnection.PipelineStorage)]
    public ClipJob[] ClipJobs { get; init; } = [];

    [QueueOutput(PipelineQueues.ReelJobs, Connection = StorageConnection.PipelineStorage)]
    public ReelJob[] ReelJobs { get; init; } = [];
}
