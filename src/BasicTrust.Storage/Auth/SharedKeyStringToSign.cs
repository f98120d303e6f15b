using System.Globalization;
using System.Text;

namespace BasicTrust.Storage.Auth;

/// <summary>
/// Builds the Shared Key string-to-sign (versions 2009-09-19 and later) for Blob and Queue requests.
/// Pure, so the documented vectors can test it without a server.
/// </summary>
public static class SharedKeyStringToSign
{
    static readonly string[] ConditionalHeaders =
        ["If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range"];

    /// <summary>Builds the string to sign for a request with these headers, URI and body length.</summary>
    public static string Build(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, long? contentLength, string accountName)
    {
        var all = headers.ToList();
        string Header(string name) => string.Join(",", all.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));

        var sb = new StringBuilder()
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(Header("Content-Encoding")).Append('\n')
            .Append(Header("Content-Language")).Append('\n')
            // An empty or zero length signs as an empty line (rule since 2015-02-21); "0" fails authentication.
            .Append(contentLength is null or 0 ? "" : contentLength.Value.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Header("Content-MD5")).Append('\n')
            .Append(Header("Content-Type")).Append('\n')
            .Append('\n'); // Date: always empty because x-ms-date is sent instead.
        foreach (var name in ConditionalHeaders)
            sb.Append(Header(name)).Append('\n');

        var canonicalHeaders = all
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .GroupBy(h => h.Key.ToLowerInvariant())
            .Select(g => (Name: g.Key, Value: string.Join(",", g.Select(h => h.Value.Trim()))))
            .ToList();
        canonicalHeaders.Sort((a, b) => CompareHeaderNames(a.Name, b.Name));
        foreach (var (name, value) in canonicalHeaders)
            sb.Append(name).Append(':').Append(value).Append('\n');

        sb.Append('/').Append(accountName).Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");
        foreach (var (name, values) in CanonicalQuery(uri.Query))
            sb.Append('\n').Append(name).Append(':').Append(string.Join(",", values));
        return sb.ToString();
    }

    /// <summary>
    /// Azure and Azurite sort header names with '_' before '-' before everything else (culture-style
    /// collation); a plain ordinal sort fails for names like <c>i_</c> vs <c>i0</c>.
    /// </summary>
    public static int CompareHeaderNames(string a, string b)
    {
        static int Weight(char c) => c == '_' ? 0 : c == '-' ? 1 : 2;
        for (int i = 0, n = Math.Min(a.Length, b.Length); i < n; i++)
        {
            if (a[i] == b[i]) continue;
            int wa = Weight(a[i]), wb = Weight(b[i]);
            return wa != wb ? wa.CompareTo(wb) : a[i].CompareTo(b[i]);
        }
        return a.Length.CompareTo(b.Length);
    }

    static IEnumerable<(string Name, IEnumerable<string> Values)> CanonicalQuery(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Name: Uri.UnescapeDataString(kv[0]).ToLowerInvariant(), Value: kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""))
            .GroupBy(kv => kv.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IEnumerable<string>)g.Select(kv => kv.Value).Order(StringComparer.Ordinal)));
}
