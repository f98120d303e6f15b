using System.Collections.Concurrent;
using System.Threading.Channels;
using BasicTrust.DevHost.Rpc;
using Grpc.Core;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// One worker's <c>EventStream</c>: a single writer for everything the host sends, and a reader that completes the
/// request waiting for each reply. Replies are matched as the protocol pairs them: init and metadata by type, loads by
/// function id, invocations by invocation id. When the stream ends, everything still waiting fails.
/// </summary>
public sealed class WorkerChannel(string workerId, ILogger workerLog, Action<string, StreamingMessage>? transcript)
{
    readonly Channel<StreamingMessage> _outbox = Channel.CreateUnbounded<StreamingMessage>(new() { SingleReader = true });
    readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string WorkerId { get; } = workerId;
    /// <summary>Completes when the worker has opened its stream and said StartStream.</summary>
    public Task Connected => _connected.Task;
    /// <summary>Completes when the stream has ended, for whatever reason.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Runs the stream the worker opened (its StartStream already read) until either side ends it.</summary>
    internal async Task RunAsync(IAsyncStreamReader<StreamingMessage> input, IServerStreamWriter<StreamingMessage> output, CancellationToken cancellationToken)
    {
        _connected.TrySetResult();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteAsync(output, stop.Token);
        try
        {
            await foreach (var message in input.ReadAllAsync(stop.Token).ConfigureAwait(false))
                Receive(message);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or Grpc.Core.RpcException) { }
        finally
        {
            Close();
            await stop.CancelAsync().ConfigureAwait(false);
            try { await writer.ConfigureAwait(false); } catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException or Grpc.Core.RpcException) { }
        }
    }

    /// <summary>Sends <paramref name="message"/> and waits for the reply that <paramref name="replyKey"/> names.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage message, string replyKey, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(replyKey, reply)) throw new InvalidOperationException($"A request for {replyKey} is already waiting.");
        try
        {
            if (Closed.IsCompleted) throw new WorkerUnavailableException("The worker's stream has ended.");
            Send(message);
            return await reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(replyKey, out _);
        }
    }

    /// <summary>Queues a message for the worker; it is dropped silently once the stream has ended.</summary>
    public void Send(StreamingMessage message)
    {
        if (string.IsNullOrEmpty(message.RequestId)) message.RequestId = Guid.NewGuid().ToString();
        _outbox.Writer.TryWrite(message);
    }

    /// <summary>Ends the stream from the host's side (the worker is being stopped or replaced).</summary>
    public void Close()
    {
        _outbox.Writer.TryComplete();
        _connected.TrySetResult();
        _closed.TrySetResult();
        foreach (var (_, waiting) in _pending) waiting.TrySetException(new WorkerUnavailableException("The worker's stream ended before it answered."));
    }

    async Task WriteAsync(IServerStreamWriter<StreamingMessage> output, CancellationToken cancellationToken)
    {
        await foreach (var message in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            transcript?.Invoke("host->worker", message);
            await output.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    void Receive(StreamingMessage message)
    {
        transcript?.Invoke("worker->host", message);
        var key = ReplyKeys.Of(message);
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog) WorkerLogs.Write(workerLog, message.RpcLog);
        else if (key is not null && _pending.TryGetValue(key, out var waiting)) waiting.TrySetResult(message);
        // Anything else is expected noise: the empty message the worker sends on WorkerTerminate, late replies
        // to invocations that timed out, or messages this host does not use.
    }
}
