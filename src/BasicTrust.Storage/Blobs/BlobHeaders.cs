using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace BasicTrust.Storage.Blobs;

/// <summary>Reads and writes the headers blobs carry: properties, metadata, conditions.</summary>
static partial class BlobHeaders
{
    const string MetaPrefix = "x-ms-meta-";

    /// <summary>
    /// Metadata values must be ASCII on the wire; every value is percent-encoded on write and decoded
    /// on read, so Dutch text (and ASCII containing '%') round-trips.
    /// </summary>
    public static void SetMetadata(Request request, IDictionary<string, string>? metadata)
    {
        if (metadata is null) return;
        foreach (var (name, value) in metadata)
        {
            if (!MetadataName().IsMatch(name))
                throw new ArgumentException($"Metadata name '{name}' must be a C# identifier (letters, digits, '_'; not starting with a digit).", nameof(metadata));
            request.Headers.SetValue(MetaPrefix + name, Uri.EscapeDataString(value));
        }
    }

    public static Dictionary<string, string> ReadMetadata(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Where(h => h.Key.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key[MetaPrefix.Length..], h => Uri.UnescapeDataString(h.Value), StringComparer.OrdinalIgnoreCase);

    public static void SetConditions(Request request, BlobRequestConditions? conditions)
    {
        if (conditions is null) return;
        if (conditions.IfMatch is { } ifMatch) request.Headers.SetValue("If-Match", Quoted(ifMatch));
        if (conditions.IfNoneMatch is { } ifNoneMatch) request.Headers.SetValue("If-None-Match", Quoted(ifNoneMatch));
        if (conditions.IfModifiedSince is { } since) request.Headers.SetValue("If-Modified-Since", since.ToString("R"));
        if (conditions.IfUnmodifiedSince is { } unmodified) request.Headers.SetValue("If-Unmodified-Since", unmodified.ToString("R"));
        if (conditions.LeaseId is { } lease) request.Headers.SetValue("x-ms-lease-id", lease);
    }

    /// <summary>The blob's stored HTTP properties other than its content type (which each operation sends its own way).</summary>
    public static void SetHttpHeaders(Request request, BlobHttpHeaders? headers)
    {
        if (headers?.ContentDisposition is { } disposition) request.Headers.SetValue("x-ms-blob-content-disposition", disposition);
        if (headers?.CacheControl is { } cache) request.Headers.SetValue("x-ms-blob-cache-control", cache);
    }

    public static BlobProperties ReadProperties(Response response)
    {
        var headers = response.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList();
        string? Get(string name) => response.Headers.TryGetValue(name, out var v) ? v : null;
        // A ranged read's Content-Length is the range's; the whole blob's size is after the '/'.
        var length = Get("Content-Range") is { } range && range.LastIndexOf('/') is var slash and > 0
            && long.TryParse(range[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? total
            : long.Parse(Get("Content-Length") ?? "0", CultureInfo.InvariantCulture);
        return new BlobProperties
        {
            ContentLength = length,
            ContentType = Get("Content-Type"),
            ETag = ReadETag(response),
            LastModified = ReadLastModified(response),
            BlobType = Get("x-ms-blob-type"),
            LeaseState = Get("x-ms-lease-state"),
            Metadata = ReadMetadata(headers),
        };
    }

    public static BlobContentInfo ReadContentInfo(Response response) => new(ReadETag(response), ReadLastModified(response));

    public static ETag ReadETag(Response response) =>
        response.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag) : default;

    static DateTimeOffset ReadLastModified(Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var value)
            ? DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : default;

    /// <summary>ETags go out quoted exactly as received; list XML gives them bare, so add quotes if missing.</summary>
    public static string Quoted(ETag etag)
    {
        var text = etag.ToString();
        return text == "*" || text.StartsWith('"') || text.StartsWith("W/", StringComparison.Ordinal) ? text : $"\"{text}\"";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex MetadataName();
}
