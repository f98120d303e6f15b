using System.Net;

namespace BasicTrust.Storage.Blobs;

/// <summary>Splits a blob or container URI into account, container and blob name, for both URL styles.</summary>
readonly record struct BlobUriParts(Uri ServiceUri, string AccountName, string ContainerName, string BlobName)
{
    public static BlobUriParts Parse(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        // Path-style (Azurite: http://127.0.0.1:10000/devstoreaccount1/container/blob): the account is the first segment.
        // Host-style (Azure: https://account.blob.core.windows.net/container/blob): it is the first host label.
        var pathStyle = IPAddress.TryParse(uri.Host, out _) || !uri.Host.Contains('.');
        string account;
        var service = new UriBuilder(uri.Scheme, uri.Host, uri.Port);
        if (pathStyle)
        {
            if (segments.Count == 0) throw new ArgumentException("A path-style storage URI must name the account.", nameof(uri));
            account = segments[0];
            segments.RemoveAt(0);
            service.Path = Uri.EscapeDataString(account);
        }
        else
        {
            account = uri.Host.Split('.')[0];
        }
        var container = segments.Count > 0 ? segments[0] : "";
        var blob = string.Join('/', segments.Skip(1));
        return new BlobUriParts(service.Uri, account, container, blob);
    }
}
