using BasicTrust.DevHost.Rpc;
using Grpc.Core;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// <c>FunctionRpc.EventStream</c>, the one RPC of the protocol: the worker calls it once and both sides talk on the
/// stream from then on. The first message must be StartStream naming a worker this host started.
/// </summary>
public sealed class FunctionRpcService(WorkerConnections connections, ILogger<FunctionRpcService> logger) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false)) return;
        var first = requestStream.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream || connections.Claim(first.StartStream.WorkerId) is not { } channel)
        {
            logger.LogWarning("A stream opened without a StartStream for a worker this host started; closing it");
            return;
        }
        await channel.RunAsync(requestStream, responseStream, context.CancellationToken).ConfigureAwait(false);
    }
}
