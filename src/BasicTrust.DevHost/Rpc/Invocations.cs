using System.Diagnostics;

namespace BasicTrust.DevHost.Rpc;

/// <summary>New invocation requests, each with its own id and a W3C trace context.</summary>
public static class Invocations
{
    /// <summary>
    /// An empty request for <paramref name="functionId"/>. The trace context is never left out: the worker
    /// dereferences it for every invocation and fails with a NullReferenceException without it.
    /// </summary>
    public static InvocationRequest New(string functionId) => new()
    {
        InvocationId = Guid.NewGuid().ToString(),
        FunctionId = functionId,
        TraceContext = new RpcTraceContext
        {
            TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-00",
        },
    };
}
