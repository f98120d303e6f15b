using System.Globalization;

namespace BasicTrust.Storage.Sas;

static class SasTime
{
    /// <summary>UTC ISO 8601 to the second: the same string goes in the query and in the string-to-sign.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
