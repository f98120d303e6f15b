using System.Text;
using System.Text.Json;

namespace BasicTrust.Functions.Api;

/// <summary>
/// Reads request bodies with a size limit enforced while reading (a chunked body has no length to check first),
/// strict UTF-8, and a JSON content type where JSON is expected; every refusal is a problem that names the rule.
/// </summary>
public static class RequestBodies
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as text, or a 413 when it is larger than <paramref name="maxBytes"/>, or a 400 when it is not UTF-8.</summary>
    public static async Task<(string? Text, ProblemHttpResult? Problem)> ReadTextAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes) return (null, TooLarge(maxBytes));
        var buffer = new byte[maxBytes + 1];
        var length = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, request.HttpContext.RequestAborted);
        if (length > maxBytes) return (null, TooLarge(maxBytes));
        try
        {
            var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0; // a byte order mark is allowed
            return (StrictUtf8.GetString(buffer, start, length - start), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, ApiResults.BadRequest("api.body-utf-8.detail", [FieldProblem.Create("$", "utf-8", "problem.utf-8")]));
        }
    }

    /// <summary>The body as JSON of type <typeparamref name="T"/>, or a problem: 415 without a JSON content type, 413, 400.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpRequest request, int maxBytes, string example) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, ApiResults.Problem(415, "api.body-json.title", "api.body-json.detail", [FieldProblem.Create("Content-Type", "application/json", "problem.content-type")]));
        var (text, problem) = await ReadTextAsync(request, maxBytes);
        if (problem is not null) return (null, problem);
        try
        {
            return JsonSerializer.Deserialize<T>(text!, Json.Options) is { } value
                ? (value, null)
                : (null, ApiResults.BadRequest("api.body-object.detail", null, ("example", example)));
        }
        catch (JsonException)
        {
            return (null, ApiResults.BadRequest("api.body-strict.detail", null, ("example", example)));
        }
    }

    static ProblemHttpResult TooLarge(int maxBytes) =>
        ApiResults.Problem(413, "api.body-size.title", "api.body-size.detail", [FieldProblem.Create("$", "size", "problem.size.body", ("max", maxBytes))], ("max", maxBytes));
}
