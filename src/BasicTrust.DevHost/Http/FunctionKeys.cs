using System.Security.Cryptography;
using System.Text;

namespace BasicTrust.DevHost.Http;

/// <summary>
/// The key check of the host for authLevel function and admin: the key in the <c>x-functions-key</c> header or the
/// <c>code</c> query parameter, compared in constant time. One key serves both levels here.
/// </summary>
public static class FunctionKeys
{
    public const string Header = "x-functions-key";
    public const string Query = "code";

    /// <summary>True only when the request carries a key and it is <paramref name="key"/>; never for a missing or empty one.</summary>
    public static bool Matches(HttpRequest request, string key)
    {
        var given = request.Headers[Header].FirstOrDefault() ?? request.Query[Query].FirstOrDefault();
        if (string.IsNullOrEmpty(given) || string.IsNullOrWhiteSpace(key)) return false;
        // Hashes have one length, so the comparison's time does not depend on how long either key is.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>The key to require: <paramref name="given"/>, or a random one when none is given. An empty key would let every request in.</summary>
    public static string Choose(string? given) => given switch
    {
        null => NewKey(),
        _ when string.IsNullOrWhiteSpace(given) => throw new InvalidOperationException("The function key is empty; give a real key (--key) or none for a random one."),
        _ => given,
    };

    /// <summary>A random key, URL-safe, for when none is given.</summary>
    public static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
