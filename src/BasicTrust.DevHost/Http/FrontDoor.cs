using System.Net;
using BasicTrust.DevHost.Worker;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Forwarder;

namespace BasicTrust.DevHost.Http;

/// <summary>
/// The HTTP API as the host serves it with ASP.NET Core integration: a request under the route prefix is matched to
/// a function, its key checked, then forwarded (YARP) to the worker's own Kestrel with <c>x-ms-invocation-id</c>, and
/// only then the paired InvocationRequest is sent, in the real host's order. The worker writes the response itself.
/// </summary>
public sealed class FrontDoor : IAsyncDisposable
{
    // A worker that fails its invocation without answering the proxied call gets this long before the call is cut.
    static readonly TimeSpan AnswerGrace = TimeSpan.FromSeconds(2);
    readonly WebApplication _app;
    readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    });

    FrontDoor(WebApplication app) => _app = app;

    /// <summary>The API's base address, e.g. <c>http://127.0.0.1:7071/api/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The host's root address, e.g. <c>http://127.0.0.1:7071/</c> (webhooks live under <c>runtime/webhooks</c>).</summary>
    public Uri RootAddress { get; private set; } = null!;

    public static async Task<FrontDoor> StartAsync(IReadOnlyList<HttpRoute> routes, string routePrefix, int port, string key, BuiltInAuth? auth, TimeSpan functionTimeout,
        TimeSpan answerLimit, WorkerSupervisor workers, FunctionInvoker invoker, Triggers.Blob.BlobEventQueue? blobEvents, ILogger logger, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http1AndHttp2));
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var door = new FrontDoor(app);
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        // YARP's default 100 s between reads would cut a long function short: Azure's front end (answerLimit) or the
        // host's functionTimeout, whichever comes first, bounds it instead.
        var limit = new AnswerLimit(answerLimit, functionTimeout);
        var forwarding = new ForwarderRequestConfig { ActivityTimeout = limit.Idle };
        app.Run(context =>
        {
            // Event Grid signs in with the blobs_extension key, not as a person: the Bicep excludes this path from
            // built-in authentication (excludedPaths), and so does the DevHost.
            if (blobEvents is not null && context.Request.Path.StartsWithSegments(BlobWebhook.Path, StringComparison.OrdinalIgnoreCase))
                return BlobWebhook.HandleAsync(context, key, blobEvents, logger);
            // Without sign-in no principal reaches the worker: a client cannot send its own.
            if (auth is null) BuiltInAuth.RemovePrincipalHeaders(context.Request);
            return auth is null || auth.Admit(context.Request)
                ? door.HandleAsync(context, routes, key, workers, invoker, forwarder, forwarding, limit, logger)
                : UnauthorizedAsync(context);
        });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The HTTP port {port} is already in use (another DevHost or func start?). Choose another with --port, or 0 for a free one.", e);
        }
        var prefix = routePrefix.Length == 0 ? "" : routePrefix + "/";
        door.RootAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        door.BaseAddress = new Uri(door.RootAddress, prefix);
        return door;
    }

    async Task HandleAsync(HttpContext context, IReadOnlyList<HttpRoute> routes, string key, WorkerSupervisor workers,
        FunctionInvoker invoker, IHttpForwarder forwarder, ForwarderRequestConfig forwarding, AnswerLimit limit, ILogger logger)
    {
        try
        {
            await ForwardAsync(context, routes, key, workers, invoker, forwarder, forwarding, limit, logger).ConfigureAwait(false);
        }
        catch (WorkerUnavailableException e)
        {
            logger.LogWarning("An HTTP request found no worker to serve it (503): {Reason}", e.Message);
            await UnavailableAsync(context).ConfigureAwait(false);
        }
        // The client went away before its invocation was sent: nothing ran, nobody to answer.
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested) { }
    }

    /// <summary>What built-in authentication answers a request without a principal it accepts.</summary>
    static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemAsync(context, StatusCodes.Status401Unauthorized, "https://tools.ietf.org/html/rfc9110#section-15.5.2", "Unauthorized",
            "Sign in first: a development token (Authorization: Bearer) or the Static Web Apps CLI's principal.");
    }

    static async Task UnavailableAsync(HttpContext context)
    {
        if (context.Response.HasStarted) { context.Abort(); return; }
        context.Response.Headers.RetryAfter = "10";
        await ProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "Service Unavailable",
            "The function app's worker is not running.").ConfigureAwait(false);
    }

    /// <summary>An answer of the host's own, as problem details.</summary>
    static Task ProblemAsync(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { type, title, status, detail }, options: null, contentType: "application/problem+json");
    }

    async Task ForwardAsync(HttpContext context, IReadOnlyList<HttpRoute> routes, string key, WorkerSupervisor workers,
        FunctionInvoker invoker, IHttpForwarder forwarder, ForwarderRequestConfig forwarding, AnswerLimit limit, ILogger logger)
    {
        var path = RawPath(context);
        var (route, values) = routes.Select(r => (Route: r, Values: r.Match(context.Request.Method, path))).FirstOrDefault(m => m.Values is not null);
        if (route is null || values is null) { context.Response.StatusCode = StatusCodes.Status404NotFound; return; }
        if (route.NeedsKey && !FunctionKeys.Matches(context.Request, key)) { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return; }

        var worker = await workers.ReadyAsync(context.RequestAborted).ConfigureAwait(false);
        if (worker.HttpUri is not { } target)
        {
            logger.LogError("The worker offers no HttpUri: the app must call ConfigureFunctionsWebApplication() for HTTP triggers");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        var request = HttpTriggerData.Request(route.Function, context.Request, values);
        var proxied = forwarder.SendAsync(context, target.GetLeftPart(UriPartial.Authority), _client, forwarding,
            new RawTargetTransformer(request.InvocationId)).AsTask();
        // A caller that goes away cancels the invocation in the worker (InvocationCancel), but its outcome is still
        // awaited, logged and its outputs written, as the host does; stopping the host ends it through the worker.
        using var callerGone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var invocation = invoker.InvokeAsync(route.Function, request, callerGone.Token, CancellationToken.None);

        if (await Task.WhenAny(proxied, invocation).ConfigureAwait(false) == invocation && !(await invocation.ConfigureAwait(false)).Succeeded
            && await Task.WhenAny(proxied, Task.Delay(AnswerGrace)).ConfigureAwait(false) != proxied)
            context.Abort(); // the invocation failed (timeout, crash) and the worker will not answer the proxied call
        var error = await proxied.ConfigureAwait(false);
        if (error == ForwarderError.RequestTimedOut && limit.IsFrontEnd && !context.Response.HasStarted)
        {
            logger.LogWarning("{Function}: no answer within {Limit}; answered 500 as Azure's front end does, and the caller is gone for the function",
                route.Function.Name, limit.Answer);
            await callerGone.CancelAsync().ConfigureAwait(false);
            await AnswerLimit.TimedOutAsync(context).ConfigureAwait(false);
        }
        else if (context.RequestAborted.IsCancellationRequested)
            logger.LogInformation("{Function}: the caller went away; the invocation was asked to cancel and its outcome is awaited", route.Function.Name);
        else if (error != ForwarderError.None)
        {
            // The client has its 502; the unpaired invocation ends in the worker (its 15 s wait) without holding it.
            logger.LogWarning("{Function}: forwarding to the worker failed: {Error}", route.Function.Name, error);
            _ = invocation.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return;
        }
        await invocation.ConfigureAwait(false);
    }

    /// <summary>
    /// The path as the client sent it: Kestrel's <c>Request.Path</c> is already decoded (all but <c>%2F</c>), and
    /// decoding route values from it again would turn <c>%2541</c> into <c>A</c>.
    /// </summary>
    static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null || !raw.StartsWith('/')) return (context.Request.PathBase + context.Request.Path).ToUriComponent();
        var query = raw.IndexOf('?');
        return query < 0 ? raw : raw[..query];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
    }
}
