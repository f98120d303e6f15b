using BasicTrust.Functions.Invocation;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.PlanSession;

/// <summary>Blob trigger on <c>recordings/{caseId}/{sessionId}/session.json</c> (a small JSON file, never the video).</summary>
public sealed class PlanSessionFunction(SessionPlanning planning) : IFunctionHandler
{
    public async Task<InvocationResult> HandleAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var session = Messages.Session(request.MetadataText("caseId"), request.MetadataText("sessionId"));
        var jobs = await planning.PlanAsync(session, request.DataText("manifest"), cancellationToken);
        return InvocationResult.Log($"{session}: {jobs.Count} clip jobs queued").Send("clipJobs", jobs);
    }
}
