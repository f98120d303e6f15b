using System.Security.Cryptography;
using System.Text;

namespace BasicTrust.Functions.Api;

/// <summary>
/// Who is calling, for the audit log. Behind Entra ID (App Service authentication) the principal's name; with a
/// function key only, a short hash that tells keys apart without revealing them.
/// </summary>
public static class Caller
{
    public static string Of(HttpContext context)
    {
        if (context.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].FirstOrDefault() is { Length: > 0 } principal) return principal;
        var key = context.Request.Headers["x-functions-key"].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault();
        return key is { Length: > 0 } ? "key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12] : "unknown";
    }
}
