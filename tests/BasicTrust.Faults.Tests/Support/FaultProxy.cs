using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BasicTrust.Faults.Tests.Support;

/// <summary>
/// An HTTP proxy on a loopback port in front of one Azurite endpoint (blob or queue) that spoils requests as its
/// <see cref="FaultPlan"/> says: resets before or after storage acted, 500/503 with and without Retry-After, slow
/// answers, truncated downloads, stalls. Requests pass byte for byte (path, query and headers unchanged), so
/// Shared Key and SAS signatures stay valid.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Expect", "Content-Length", "Content-Type", "Content-MD5", "Content-Encoding", "Content-Language", "Content-Range" };
    readonly WebApplication _app;
    readonly HttpClient _upstream;
    readonly FaultPlan _plan;
    readonly Uri _target;

    FaultProxy(WebApplication app, HttpClient upstream, FaultPlan plan, Uri target) => (_app, _upstream, _plan, _target) = (app, upstream, plan, target);

    public int Port { get; private set; }

    public static async Task<FaultProxy> StartAsync(int upstreamPort, FaultPlan plan)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        // Azurite closes idle connections after 5 s: pooled ones are dropped before that.
        var upstream = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2), AllowAutoRedirect = false, UseCookies = false, UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        }) { Timeout = Timeout.InfiniteTimeSpan };
        var proxy = new FaultProxy(app, upstream, plan, new Uri($"http://127.0.0.1:{upstreamPort}"));
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return proxy;
    }

    async Task HandleAsync(HttpContext context)
    {
        var (fault, delay) = _plan.Next(context.Request);
        switch (fault)
        {
            case FaultKind.ResetBeforeStorage:
                _plan.Count(fault);
                context.Abort();
                return;
            case FaultKind.Status500 or FaultKind.Status500RetryAfter or FaultKind.Status503 or FaultKind.Status503RetryAfter:
                _plan.Count(fault);
                await ErrorAsync(context, fault);
                return;
            case FaultKind.Slow or FaultKind.Stall:
                _plan.Count(fault);
                await Task.Delay(delay, context.RequestAborted);
                break;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_target, context.Request.Path + context.Request.QueryString));
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0 || context.Request.Method is "PUT" or "POST")
        {
            request.Content = new StreamContent(context.Request.Body);
            foreach (var (name, values) in context.Request.Headers.Where(h => h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)))
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
        }
        foreach (var (name, values) in context.Request.Headers.Where(h => !HopByHop.Contains(h.Key)))
            request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);

        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        if (fault == FaultKind.ResetAfterStorage)
        {
            _plan.Count(fault);
            context.Abort();
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
            context.Response.Headers[name] = values.ToArray();
        await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        if (fault == FaultKind.TruncatedBody && context.Request.Method == "GET" && response.Content.Headers.ContentLength is > 1 and var length)
        {
            _plan.Count(fault);
            var half = new byte[length / 2];
            await body.ReadExactlyAsync(half, context.RequestAborted);
            await context.Response.Body.WriteAsync(half, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return;
        }
        if (context.Request.Method != "HEAD") await body.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    static async Task ErrorAsync(HttpContext context, FaultKind fault)
    {
        var (status, code) = fault is FaultKind.Status503 or FaultKind.Status503RetryAfter ? (503, "ServerBusy") : (500, "InternalError");
        context.Response.StatusCode = status;
        context.Response.Headers["x-ms-error-code"] = code;
        if (fault is FaultKind.Status500RetryAfter or FaultKind.Status503RetryAfter) context.Response.Headers.RetryAfter = "1";
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>Injected by the fault proxy.</Message></Error>", Encoding.UTF8);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
