using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using BasicTrust.Storage.Pipeline;
using BasicTrust.Storage.Sas;

namespace BasicTrust.Storage.Blobs;

/// <summary>One container: create, delete, list, and clients for its blobs.</summary>
public sealed class BlobContainerClient
{
    readonly StorageContext _context;

    internal BlobContainerClient(Uri containerUri, StorageContext context)
    {
        Uri = containerUri;
        _context = context;
        var parts = BlobUriParts.Parse(containerUri);
        Name = parts.ContainerName;
        AccountName = context.SharedKey?.AccountName ?? parts.AccountName;
    }

    /// <summary>The container's URI.</summary>
    public Uri Uri { get; }
    /// <summary>The container's name.</summary>
    public string Name { get; }
    /// <summary>The storage account.</summary>
    public string AccountName { get; }

    /// <summary>A client for a blob in this container; <paramref name="blobName"/> may contain '/'.</summary>
    public BlobClient GetBlobClient(string blobName) => new(BlobUri(blobName), _context);

    /// <summary>A client for an append blob in this container.</summary>
    public AppendBlobClient GetAppendBlobClient(string blobName) => new(BlobUri(blobName), _context);

    Uri BlobUri(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return StorageUri.Append(Uri, blobName);
    }

    /// <summary>Creates the (private) container; fails if it exists.</summary>
    public async Task<Response> CreateAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Put, StorageUri.WithQuery(Uri, ("restype", "container")));
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the container; false if it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await CreateAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.ErrorCode == "ContainerAlreadyExists")
        {
            return false;
        }
    }

    /// <summary>Deletes the container and everything in it; false if there was none.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, StorageUri.WithQuery(Uri, ("restype", "container")));
        try
        {
            await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>True if the container exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Head, StorageUri.WithQuery(Uri, ("restype", "container")));
        var response = await _context.SendAsync(message, cancellationToken, tolerated: 404).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    /// <summary>
    /// Lists blobs whose names start with <paramref name="prefix"/>, page by page as you enumerate
    /// (use <c>AsPages(pageSizeHint: n)</c> to choose the page size). Metadata is included when asked.
    /// </summary>
    public AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, bool includeMetadata = false, CancellationToken cancellationToken = default) =>
        new PagedQuery<BlobItem>((marker, size, ct) => ListPageAsync(prefix, includeMetadata, marker, size, ct), cancellationToken);

    async Task<Page<BlobItem>> ListPageAsync(string? prefix, bool includeMetadata, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        var uri = StorageUri.WithQuery(Uri, ("restype", "container"), ("comp", "list"), ("prefix", prefix),
            ("marker", marker), ("maxresults", pageSize?.ToString(CultureInfo.InvariantCulture)), ("include", includeMetadata ? "metadata" : null));
        using var message = _context.CreateMessage(RequestMethod.Get, uri);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var root = XDocument.Parse(response.Content.ToString()).Root!;
        var items = root.Element("Blobs")?.Elements("Blob").Select(ReadItem).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(next) ? null : next, response);
    }

    static BlobItem ReadItem(XElement blob)
    {
        var nameElement = blob.Element("Name")!;
        // Azure percent-encodes names holding characters XML cannot carry, and says so.
        var name = (string?)nameElement.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(nameElement.Value) : nameElement.Value;
        var p = blob.Element("Properties")!;
        string? Get(string n) => p.Element(n)?.Value;
        return new BlobItem(name, new BlobProperties
        {
            ContentLength = long.Parse(Get("Content-Length") ?? "0", CultureInfo.InvariantCulture),
            ContentType = Get("Content-Type"),
            ETag = new ETag(BlobHeaders.Quoted(new ETag(Get("Etag") ?? ""))),
            LastModified = DateTimeOffset.Parse(Get("Last-Modified")!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            BlobType = Get("BlobType"),
            LeaseState = Get("LeaseState"),
            Metadata = BlobHeaders.ReadMetadata(blob.Element("Metadata")?.Elements()
                .Select(e => new KeyValuePair<string, string>("x-ms-meta-" + e.Name.LocalName, e.Value)) ?? []),
        });
    }

    /// <summary>A container SAS URI, signed with the account key.</summary>
    public Uri GenerateSasUri(BlobSasBuilder builder)
    {
        var key = _context.SharedKey ?? throw new InvalidOperationException("Signing a service SAS needs the account key.");
        return new UriBuilder(StorageUri.WithoutQuery(Uri)) { Query = builder.ToSasQueryParameters(key, Name, null) }.Uri;
    }
}
