namespace BasicTrust.Storage;

/// <summary>
/// The parts of an Azure Storage connection string this client uses. Understands
/// <c>UseDevelopmentStorage=true</c>, explicit <c>BlobEndpoint</c>/<c>QueueEndpoint</c> (path-style, as Azurite
/// uses) and <c>DefaultEndpointsProtocol</c>/<c>AccountName</c>/<c>EndpointSuffix</c> (host-style, as Azure uses).
/// </summary>
public sealed record StorageConnectionString(
    string AccountName,
    StorageSharedKeyCredential? SharedKey,
    Uri BlobEndpoint,
    Uri QueueEndpoint,
    string? SharedAccessSignature)
{
    /// <summary>The Azurite development account: public and documented, valid only against the emulator.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The Azurite development account key (well known, not a secret).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Parses a connection string; the error names the missing or malformed key, never the key's value.</summary>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: account keys end in "==".
            var eq = segment.IndexOf('=');
            if (eq <= 0)
                throw new FormatException("The storage connection string has a segment without 'name=value'.");
            parts[segment[..eq].Trim()] = segment[(eq + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
            return Development(parts.GetValueOrDefault("DevelopmentStorageProxyUri"));

        var account = parts.GetValueOrDefault("AccountName")
            ?? throw new FormatException("The storage connection string has no AccountName.");
        var key = parts.GetValueOrDefault("AccountKey");
        var sas = parts.GetValueOrDefault("SharedAccessSignature")?.TrimStart('?');
        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
        var suffix = parts.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";
        return new StorageConnectionString(
            account,
            key is null ? null : new StorageSharedKeyCredential(account, key),
            Endpoint(parts, "BlobEndpoint", protocol, account, "blob", suffix),
            Endpoint(parts, "QueueEndpoint", protocol, account, "queue", suffix),
            sas);
    }

    static StorageConnectionString Development(string? proxy)
    {
        var host = proxy is null ? new Uri("http://127.0.0.1") : new Uri(proxy);
        Uri At(int port) => new UriBuilder(host.Scheme, host.Host, port, DevelopmentAccountName).Uri;
        return new StorageConnectionString(
            DevelopmentAccountName,
            new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
            At(10000), At(10001), null);
    }

    static Uri Endpoint(Dictionary<string, string> parts, string name, string protocol, string account, string service, string suffix)
    {
        if (parts.TryGetValue(name, out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint.TrimEnd('/'), UriKind.Absolute, out var uri))
                throw new FormatException($"The storage connection string's {name} is not an absolute URL.");
            return uri;
        }
        return new Uri($"{protocol}://{account}.{service}.{suffix}");
    }
}
