using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// The gRPC endpoint the workers connect to: cleartext HTTP/2 only (an HTTP/1-and-2 cleartext endpoint cannot
/// negotiate h2c) on a free loopback port, with no message size limits, as the host's own server.
/// </summary>
public sealed class RpcServer : IAsyncDisposable
{
    readonly WebApplication _app;

    RpcServer(WebApplication app, Uri address, WorkerConnections connections) => (_app, Address, Connections) = (app, address, connections);

    /// <summary>Where a worker's stream finds the channel the host made for it.</summary>
    public WorkerConnections Connections { get; }

    /// <summary>The URI given to the worker as <c>--functions-uri</c>, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public static async Task<RpcServer> StartAsync(WorkerConnections connections, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(connections);
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new RpcServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/"), connections);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
