using System.Xml.Linq;
using Azure;

namespace BasicTrust.Storage.Pipeline;

/// <summary>The one place storage failures become <see cref="RequestFailedException"/>s.</summary>
static class StorageErrors
{
    /// <summary>
    /// Builds the exception from the response: status, the x-ms-error-code header (HEAD and 304 have no body),
    /// the first line of the XML message and the redacted request line.
    /// </summary>
    public static RequestFailedException FromResponse(Response response, string method, Uri uri)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        var detail = ReadMessage(response);
        code ??= detail.Code;
        var text = $"{method} {Redaction.Redact(uri)} failed: {response.Status} {code ?? response.ReasonPhrase}";
        if (!string.IsNullOrEmpty(detail.Message)) text += $" ({Redaction.Redact(detail.Message)})";
        return new RequestFailedException(response.Status, text, code, null);
    }

    static (string? Code, string? Message) ReadMessage(Response response)
    {
        try
        {
            var body = response.Content?.ToString();
            if (string.IsNullOrWhiteSpace(body) || !body.TrimStart().StartsWith('<')) return (null, null);
            var root = XDocument.Parse(body).Root;
            var message = root?.Element("Message")?.Value.Split('\n')[0].Trim();
            return (root?.Element("Code")?.Value, message);
        }
        catch (System.Xml.XmlException)
        {
            return (null, null);
        }
    }
}
