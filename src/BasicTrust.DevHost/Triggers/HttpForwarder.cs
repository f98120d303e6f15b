using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Handler;

namespace BasicTrust.DevHost.Triggers;

/// <summary>
/// HTTP triggers as the host runs them with <c>enableForwardingHttpRequest</c>: requests to
/// <c>/{routePrefix}/{route}</c> are matched against each function's route and methods, the function key is checked
/// (<c>x-functions-key</c> header or <c>code</c> query) for <c>authLevel</c> function or admin, and the original
/// request is forwarded to the handler on the same path; its response goes back unchanged.
/// </summary>
public sealed class HttpForwarder : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    HttpForwarder(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<HttpForwarder> StartAsync(IReadOnlyList<FunctionDefinition> functions, string routePrefix, int port, string key, HandlerProcess handler, ILogger logger)
    {
        var routes = functions.Where(f => f.Trigger.Type == "httpTrigger").Select(f => Route.From(f, routePrefix)).ToList();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var forwarder = new HttpForwarder(app);
        app.Run(context => forwarder.HandleAsync(context, routes, key, handler, logger));
        await app.StartAsync().ConfigureAwait(false);
        forwarder.BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/" + routePrefix + "/");
        return forwarder;
    }

    async Task HandleAsync(HttpContext context, List<Route> routes, string key, HandlerProcess handler, ILogger logger)
    {
        var path = context.Request.Path.Value ?? "";
        var route = routes.FirstOrDefault(r => r.Matches(context.Request.Method, path));
        if (route is null) { context.Response.StatusCode = 404; return; }
        if (route.NeedsKey && !KeyMatches(context, key)) { context.Response.StatusCode = 401; return; }

        await handler.WaitAvailableAsync(context.RequestAborted).ConfigureAwait(false);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(handler.BaseAddress, path + context.Request.QueryString));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            request.Content = new StreamContent(context.Request.Body);
        foreach (var (name, values) in context.Request.Headers)
            if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !request.Headers.TryAddWithoutValidation(name, values.ToArray()))
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) context.Response.Headers[name] = values.ToArray();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("{Function}: the handler did not answer: {Reason}", route.Function, e.Message);
            context.Response.StatusCode = 500;
        }
    }

    static bool KeyMatches(HttpContext context, string key)
    {
        var given = context.Request.Headers["x-functions-key"].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault() ?? "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    /// <summary>A function's route (<c>sessions/{caseId}/upload</c>) as a pattern over the request path, with its methods.</summary>
    sealed record Route(string Function, Regex Path, IReadOnlySet<string> Methods, bool NeedsKey)
    {
        public static Route From(FunctionDefinition function, string prefix)
        {
            var template = function.Trigger["route"] ?? function.Name;
            var pattern = "^/" + Regex.Escape(prefix) + "/" + PathTemplate.Pattern(template, _ => "[^/]+") + @"/?\z";
            var methods = function.Trigger.Properties["methods"]?.AsArray().Select(m => ((string)m!).ToUpperInvariant()).ToHashSet()
                ?? ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
            var level = function.Trigger["authLevel"] ?? "function";
            return new Route(function.Name, new Regex(pattern, RegexOptions.CultureInvariant), methods, level is not "anonymous");
        }

        public bool Matches(string method, string path) => Methods.Contains(method) && Path.IsMatch(path);
    }
}
