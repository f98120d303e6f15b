namespace BasicTrust.Storage.Pipeline;

/// <summary>Builds request URIs: percent-encoded path segments and query values (Azurite drops raw '=' and reads '+' as space).</summary>
static class StorageUri
{
    /// <summary>Appends path segments (each '/'-separated part escaped) to a base URI, keeping any SAS query.</summary>
    public static Uri Append(Uri baseUri, string path)
    {
        var builder = new UriBuilder(baseUri);
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        builder.Path = builder.Path.TrimEnd('/') + "/" + escaped;
        return builder.Uri;
    }

    /// <summary>Adds query parameters, escaping every value, after whatever query the URI already has (a SAS).</summary>
    public static Uri WithQuery(Uri uri, params (string Name, string? Value)[] parameters)
    {
        var added = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}");
        var existing = uri.Query.TrimStart('?');
        var query = string.Join('&', new[] { existing }.Where(q => q.Length > 0).Concat(added));
        return new UriBuilder(uri) { Query = query }.Uri;
    }

    /// <summary>The URI without its query (where a SAS lives).</summary>
    public static Uri WithoutQuery(Uri uri) => new UriBuilder(uri) { Query = "" }.Uri;
}
