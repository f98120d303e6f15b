using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BasicTrust.DevHost.App;

namespace BasicTrust.DevHost.Handler;

/// <summary>The outcome of one invocation: the handler's outputs when it succeeded, the reason when it did not.</summary>
public sealed record InvocationOutcome(bool Succeeded, JsonObject Outputs, string? Error)
{
    public static InvocationOutcome Failed(string error) => new(false, [], error);
}

/// <summary>
/// Calls <c>POST /{FunctionName}</c> with the host's headers and reads the result the way the host does:
/// non-2xx, a non-JSON type, an empty body or malformed JSON all fail the invocation. A call running past
/// <c>functionTimeout</c> fails too and restarts the handler.
/// </summary>
public sealed class Invoker(HandlerProcess handler, HostSettings host, TimeProvider clock, ILogger logger)
{
    const string HostVersion = "4.1040.0-devhost";
    readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<InvocationOutcome> InvokeAsync(string function, JsonObject data, JsonObject metadata, CancellationToken cancellationToken)
    {
        await handler.WaitAvailableAsync(cancellationToken).ConfigureAwait(false);
        var body = HostPayload.Invocation(function, data, metadata, clock);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(handler.BaseAddress, function)) { Content = JsonContent.Create(body) };
        var invocationId = Guid.NewGuid().ToString();
        request.Headers.Add("X-Azure-Functions-InvocationId", invocationId);
        request.Headers.Add("X-Azure-Functions-HostVersion", HostVersion);
        request.Headers.UserAgent.ParseAdd($"Azure-Functions-Host/{HostVersion}");

        using var timeout = new CancellationTokenSource(host.FunctionTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return InvocationOutcome.Failed($"{function} answered {(int)response.StatusCode}: {Shorten(text)}");
            if (response.Content.Headers.ContentType?.MediaType != "application/json")
                return InvocationOutcome.Failed($"{function} answered with {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not application/json.");
            if (string.IsNullOrWhiteSpace(text) || JsonNode.Parse(text) is not JsonObject result)
                return InvocationOutcome.Failed($"{function} answered 2xx with an empty or null body; the real host would wait until functionTimeout.");
            foreach (var line in Property(result, "Logs")?.AsArray() ?? [])
                logger.LogInformation("{Function}: {Line}", function, (string?)line);
            return new InvocationOutcome(true, Property(result, "Outputs") as JsonObject ?? [], null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await handler.RestartAsync($"{function} ran longer than functionTimeout ({host.FunctionTimeout})", cancellationToken).ConfigureAwait(false);
            return InvocationOutcome.Failed($"{function} timed out.");
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException)
        {
            return InvocationOutcome.Failed($"{function} could not be called: {e.Message}");
        }
    }

    // The host matches Outputs, Logs and ReturnValue case-insensitively.
    static JsonNode? Property(JsonObject result, string name) =>
        result.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
