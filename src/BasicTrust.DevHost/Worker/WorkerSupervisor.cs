using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// Keeps one worker running, as the host's dispatcher does: invocations go to the current worker; one that runs past
/// <c>functionTimeout</c> fails, is cancelled, and its worker is replaced after a grace period; a worker that exits or
/// loses its stream is replaced too (its in-flight invocations fail). After <see cref="MaxRestarts"/> restarts within
/// <see cref="RestartWindow"/> it gives up, and <see cref="GaveUp"/> fails: the host then shuts down, as the real one does.
/// </summary>
public sealed class WorkerSupervisor(WorkerLaunch launch, TimeSpan functionTimeout, ILogger logger) : IAsyncDisposable
{
    public const int MaxRestarts = 3;
    public static readonly TimeSpan RestartWindow = TimeSpan.FromMinutes(1);
    /// <summary>How long a worker whose invocation timed out may take to honour the InvocationCancel before it is killed.</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(3);
    static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    readonly SemaphoreSlim _restart = new(1, 1);
    readonly Queue<DateTimeOffset> _restarts = new();
    readonly CancellationTokenSource _stopping = new();
    readonly TaskCompletionSource _gaveUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    TaskCompletionSource<RunningWorker> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The current worker (null before the first start and while it restarts).</summary>
    public RunningWorker? Current { get; private set; }

    /// <summary>Fails with a <see cref="WorkerUnavailableException"/> when the supervisor gives up; never completes otherwise.</summary>
    public Task GaveUp => _gaveUp.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var worker = await RunningWorker.StartAsync(launch, logger, cancellationToken).ConfigureAwait(false);
        Adopt(worker);
    }

    /// <summary>The current worker once it is ready (waits while it restarts).</summary>
    public async Task<RunningWorker> ReadyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var worker = await _ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!worker.Channel.Closed.IsCompleted) return worker;
            // Its stream just ended and its replacement has not begun: wait for that rather than fail on a dead worker.
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the invocation and waits for its response, at most functionTimeout. When <paramref name="cancellationToken"/>
    /// is cancelled (the host is stopping) the worker gets an InvocationCancel and this throws.
    /// </summary>
    public Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken) =>
        InvokeAsync(request, CancellationToken.None, cancellationToken);

    /// <summary>
    /// As <see cref="InvokeAsync(InvocationRequest, CancellationToken)"/>; when <paramref name="callerGone"/> is
    /// cancelled (an HTTP client went away) the worker gets an InvocationCancel and its answer is still awaited, as the
    /// host does: the function may finish, fail, or handle the cancellation, and its outcome and outputs count.
    /// </summary>
    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken callerGone, CancellationToken cancellationToken)
    {
        RunningWorker worker;
        try { worker = await ReadyAsync(cancellationToken).ConfigureAwait(false); }
        catch (WorkerUnavailableException e) { return InvocationOutcome.Unavailable(e.Message); }
        if (worker.LoadFailure(request.FunctionId) is { } failure) return InvocationOutcome.Failed(failure);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (functionTimeout != Timeout.InfiniteTimeSpan) timeout.CancelAfter(functionTimeout);
        using var onCallerGone = callerGone.Register(() => Cancel(worker, request.InvocationId));
        try
        {
            var reply = await worker.Channel.RequestAsync(new StreamingMessage { InvocationRequest = request },
                ReplyKeys.Invocation(request.InvocationId), timeout.Token).ConfigureAwait(false);
            return InvocationOutcome.From(reply.InvocationResponse);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Invocation {InvocationId} exceeded functionTimeout ({Timeout}); cancelling it and restarting the worker after {Grace}",
                request.InvocationId, functionTimeout, CancelGrace);
            Cancel(worker, request.InvocationId);
            _ = RestartAsync(worker, "an invocation exceeded functionTimeout", CancelGrace);
            return InvocationOutcome.Failed($"Timeout value of {functionTimeout} was exceeded by the function.");
        }
        catch (OperationCanceledException)
        {
            Cancel(worker, request.InvocationId);
            throw;
        }
        catch (WorkerUnavailableException)
        {
            return InvocationOutcome.Failed("The worker exited during the invocation.");
        }
    }

    static void Cancel(RunningWorker worker, string invocationId) =>
        worker.Channel.Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });

    void Adopt(RunningWorker worker)
    {
        Current = worker;
        _ready.TrySetResult(worker);
        logger.LogInformation("Worker ready (pid {Pid}, {Count} functions)", worker.Process.Id, worker.Functions.Count);
        _ = worker.Process.Exited.ContinueWith(_ => RestartAsync(worker, "the worker exited", TimeSpan.Zero), TaskScheduler.Default);
        // The stream can end while the process lives on (a broken connection): without it the worker is useless.
        _ = worker.Channel.Closed.ContinueWith(_ => RestartAsync(worker, "the worker's stream ended", TimeSpan.Zero), TaskScheduler.Default);
    }

    /// <summary>
    /// Replaces <paramref name="failed"/> with a new worker, unless it was already replaced or the host is stopping.
    /// New invocations wait from the start; the old worker has <paramref name="grace"/> to finish (or exit) before it is killed.
    /// </summary>
    async Task RestartAsync(RunningWorker failed, string reason, TimeSpan grace)
    {
        await _restart.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stopping.IsCancellationRequested || !ReferenceEquals(failed, Current)) return;
            if (_ready.Task.IsCompleted) _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
            logger.LogWarning("Restarting the worker (pid {Pid}): {Reason}", failed.Process.Id, reason);
            Current = null;
            if (grace > TimeSpan.Zero)
                await Task.WhenAny(failed.Process.Exited, Task.Delay(grace, _stopping.Token)).ConfigureAwait(false);
            await failed.DisposeAsync().ConfigureAwait(false);
            if (!CountRestart())
            {
                GiveUp($"The worker failed {MaxRestarts + 1} times within {RestartWindow.TotalSeconds:0} s; the DevHost stopped restarting it.");
                return;
            }
            Adopt(await RunningWorker.StartAsync(launch, logger, _stopping.Token).ConfigureAwait(false));
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            logger.LogCritical(e, "The worker could not be restarted");
            GiveUp("The worker could not be restarted: " + e.Message);
        }
        catch (OperationCanceledException) { }
        finally
        {
            _restart.Release();
        }
    }

    void GiveUp(string reason)
    {
        logger.LogCritical("{Reason}", reason);
        var error = new WorkerUnavailableException(reason);
        _ready.TrySetException(error);
        _gaveUp.TrySetException(error);
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
            // From now on nobody waits for a worker or is handed the one being stopped.
            var stopped = new TaskCompletionSource<RunningWorker>(TaskCreationOptions.RunContinuationsAsynchronously);
            stopped.SetException(new WorkerUnavailableException("The DevHost is stopping."));
            _ready.TrySetException(new WorkerUnavailableException("The DevHost is stopping."));
            _ready = stopped;
            if (Current is { } worker)
            {
                await worker.StopAsync(StopGrace).ConfigureAwait(false);
                await worker.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _restart.Release();
        }
    }
}
