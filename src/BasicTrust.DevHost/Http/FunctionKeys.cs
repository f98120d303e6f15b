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

    public static bool Matches(HttpRequest request, string key)
    {
        var given = request.Headers[Header].FirstOrDefault() ?? request.Query["code"].FirstOrDefault() ?? "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
    }

    /// <summary>A random key, URL-safe, for when none is given.</summary>
    public static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
