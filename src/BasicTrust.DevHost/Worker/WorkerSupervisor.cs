using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// Keeps one worker running, as the host's dispatcher does: invocations go to the current worker; one that runs past
/// <c>functionTimeout</c> fails, is cancelled, and its worker is replaced; a worker that exits is replaced too (its
/// in-flight invocations fail). After <see cref="MaxRestarts"/> restarts within <see cref="RestartWindow"/> it gives up.
/// </summary>
public sealed class WorkerSupervisor(WorkerLaunch launch, TimeSpan functionTimeout, ILogger logger) : IAsyncDisposable
{
    public const int MaxRestarts = 3;
    public static readonly TimeSpan RestartWindow = TimeSpan.FromMinutes(1);
    static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    readonly SemaphoreSlim _restart = new(1, 1);
    readonly Queue<DateTimeOffset> _restarts = new();
    readonly CancellationTokenSource _stopping = new();
    TaskCompletionSource<RunningWorker> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The current worker (null before the first start).</summary>
    public RunningWorker? Current { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var worker = await RunningWorker.StartAsync(launch, logger, cancellationToken).ConfigureAwait(false);
        Adopt(worker);
    }

    /// <summary>The current worker once it is ready (waits while it restarts).</summary>
    public Task<RunningWorker> ReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>Sends the invocation and waits for its response, at most functionTimeout.</summary>
    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        RunningWorker worker;
        try { worker = await ReadyAsync(cancellationToken).ConfigureAwait(false); }
        catch (WorkerUnavailableException e) { return InvocationOutcome.Failed(e.Message); }
        if (worker.LoadFailure(request.FunctionId) is { } failure) return InvocationOutcome.Failed(failure);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (functionTimeout != Timeout.InfiniteTimeSpan) timeout.CancelAfter(functionTimeout);
        try
        {
            var reply = await worker.Channel.RequestAsync(new StreamingMessage { InvocationRequest = request },
                ReplyKeys.Invocation(request.InvocationId), timeout.Token).ConfigureAwait(false);
            return InvocationOutcome.From(reply.InvocationResponse);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Invocation {InvocationId} exceeded functionTimeout ({Timeout}); restarting the worker", request.InvocationId, functionTimeout);
            worker.Channel.Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId } });
            _ = RestartAsync(worker, "an invocation exceeded functionTimeout");
            return InvocationOutcome.Failed($"Timeout value of {functionTimeout} was exceeded by the function.");
        }
        catch (WorkerUnavailableException)
        {
            return InvocationOutcome.Failed("The worker exited during the invocation.");
        }
    }

    void Adopt(RunningWorker worker)
    {
        Current = worker;
        _ready.TrySetResult(worker);
        logger.LogInformation("Worker ready (pid {Pid}, {Count} functions)", worker.Process.Id, worker.Functions.Count);
        _ = worker.Process.Exited.ContinueWith(_ => RestartAsync(worker, "the worker exited"), TaskScheduler.Default);
    }

    /// <summary>Replaces <paramref name="failed"/> with a new worker, unless it was already replaced or the host is stopping.</summary>
    async Task RestartAsync(RunningWorker failed, string reason)
    {
        await _restart.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stopping.IsCancellationRequested || !ReferenceEquals(failed, Current)) return;
            if (_ready.Task.IsCompleted) _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
            logger.LogWarning("Restarting the worker (pid {Pid}): {Reason}", failed.Process.Id, reason);
            Current = null;
            await failed.DisposeAsync().ConfigureAwait(false);
            if (!CountRestart())
            {
                logger.LogCritical("The worker was restarted {Count} times within {Window}; giving up", MaxRestarts, RestartWindow);
                _ready.TrySetException(new WorkerUnavailableException("The worker keeps failing; the DevHost stopped restarting it."));
                return;
            }
            Adopt(await RunningWorker.StartAsync(launch, logger, _stopping.Token).ConfigureAwait(false));
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            logger.LogCritical(e, "The worker could not be restarted");
            _ready.TrySetException(new WorkerUnavailableException("The worker could not be restarted: " + e.Message));
        }
        catch (OperationCanceledException) { }
        finally
        {
            _restart.Release();
        }
    }

    bool CountRestart()
    {
        var now = DateTimeOffset.UtcNow;
        while (_restarts.TryPeek(out var oldest) && now - oldest > RestartWindow) _restarts.Dequeue();
        _restarts.Enqueue(now);
        return _restarts.Count <= MaxRestarts;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _restart.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Current is { } worker)
            {
                await worker.StopAsync(StopGrace).ConfigureAwait(false);
                await worker.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _restart.Release();
            _ready.TrySetException(new WorkerUnavailableException("The DevHost is stopping."));
        }
    }
}
