namespace BasicTrust.Media.Bench;

/// <summary>
/// A pass-through HTTP proxy in front of Azurite that counts the response bytes it forwards, so the benchmark
/// measures what FFmpeg really read. The SAS signs the path, not the host, so the same link works through it.
/// </summary>
sealed class CountingProxy : IAsyncDisposable
{
    readonly WebApplication _app;
    // Azurite closes idle connections after 5 s; reusing one that it closed would fail the request.
    readonly HttpClient _upstream = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) }) { Timeout = Timeout.InfiniteTimeSpan };
    long _bytes;

    CountingProxy(WebApplication app) => _app = app;

    public int Port { get; private set; }
    public long Bytes => Interlocked.Read(ref _bytes);
    public void Reset() => Interlocked.Exchange(ref _bytes, 0);

    public static async Task<CountingProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new CountingProxy(app);
        app.Run(context => proxy.ForwardAsync(context, upstream));
        await app.StartAsync();
        proxy.Port = new Uri(app.Urls.First()).Port;
        return proxy;
    }

    async Task ForwardAsync(HttpContext context, Uri upstream)
    {
        try
        {
            await ForwardOnceAsync(context, upstream);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"proxy: {context.Request.Headers.Range}: {e.GetType().Name}: {e.Message}");
            throw;
        }
    }

    async Task ForwardOnceAsync(HttpContext context, Uri upstream)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(upstream, context.Request.Path + context.Request.QueryString));
        foreach (var (name, values) in context.Request.Headers)
            if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase)) request.Headers.TryAddWithoutValidation(name, values.ToArray());
        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
            Console.Error.WriteLine($"proxy: {context.Request.Method} {context.Request.Headers.Range} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) context.Response.Headers[name] = values.ToArray();
        await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                Interlocked.Add(ref _bytes, read);
            }
        }
        catch (OperationCanceledException) { /* FFmpeg closed the connection to seek elsewhere */ }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
