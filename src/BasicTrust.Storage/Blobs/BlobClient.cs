using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using BasicTrust.Storage.Pipeline;
using BasicTrust.Storage.Sas;

namespace BasicTrust.Storage.Blobs;

/// <summary>
/// One block blob: upload (single shot or blocks), download (whole, streaming, ranges), properties,
/// metadata, delete, SAS. Shaped like Azure.Storage.Blobs' <c>BlobClient</c> (block operations included
/// here rather than on a separate <c>BlockBlobClient</c>).
/// </summary>
public class BlobClient
{
    private protected readonly StorageContext Context;

    /// <summary>A client for one blob, from a connection string.</summary>
    public BlobClient(string connectionString, string blobContainerName, string blobName, StorageClientOptions? options = null)
        : this(new BlobServiceClient(connectionString, options).GetBlobContainerClient(blobContainerName).GetBlobClient(blobName)) { }

    /// <summary>A client for a blob URI that carries its own SAS.</summary>
    public BlobClient(Uri blobUri, StorageClientOptions? options = null)
        : this(blobUri, StorageContext.Anonymous(options)) { }

    /// <summary>A client that authorizes with Entra ID tokens (managed identity in Azure).</summary>
    public BlobClient(Uri blobUri, TokenCredential credential, StorageClientOptions? options = null)
        : this(blobUri, StorageContext.ForToken(credential, options)) { }

    /// <summary>A client that signs with the account key.</summary>
    public BlobClient(Uri blobUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(blobUri, StorageContext.ForSharedKey(credential, options)) { }

    private protected BlobClient(BlobClient other) : this(other.Uri, other.Context) { }

    internal BlobClient(Uri blobUri, StorageContext context)
    {
        Uri = blobUri;
        Context = context;
        var parts = BlobUriParts.Parse(blobUri);
        AccountName = context.SharedKey?.AccountName ?? parts.AccountName;
        BlobContainerName = parts.ContainerName;
        Name = parts.BlobName;
    }

    /// <summary>The blob's URI (with the SAS, if it was constructed from one).</summary>
    public Uri Uri { get; }
    /// <summary>The storage account.</summary>
    public string AccountName { get; }
    /// <summary>The container.</summary>
    public string BlobContainerName { get; }
    /// <summary>The blob's name within the container.</summary>
    public string Name { get; }
    /// <summary>Whether <see cref="GenerateSasUri(BlobSasBuilder)"/> can sign (a shared key is present).</summary>
    public bool CanGenerateSasUri => Context.SharedKey is not null;

    /// <summary>HEAD: true if the blob exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Context.CreateMessage(RequestMethod.Head, Uri);
        var response = await Context.SendAsync(message, cancellationToken, tolerated: 404).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    /// <summary>HEAD: properties and decoded metadata.</summary>
    public async Task<Response<BlobProperties>> GetPropertiesAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = Context.CreateMessage(RequestMethod.Head, Uri);
        BlobHeaders.SetConditions(message.Request, conditions);
        var response = await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobHeaders.ReadProperties(response), response);
    }

    /// <summary>Put Blob in one request. Replaces an existing blob unless <paramref name="options"/> has conditions.</summary>
    public async Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var message = Context.CreateMessage(RequestMethod.Put, Uri);
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("Content-Type", options?.HttpHeaders?.ContentType ?? "application/octet-stream");
        BlobHeaders.SetHttpHeaders(request, options?.HttpHeaders);
        BlobHeaders.SetMetadata(request, options?.Metadata);
        BlobHeaders.SetConditions(request, options?.Conditions);
        request.Content = RequestContent.Create(content);
        var response = await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        options?.ProgressHandler?.Report(content.ToMemory().Length);
        return Response.FromValue(BlobHeaders.ReadContentInfo(response), response);
    }

    /// <summary>
    /// Uploads a stream of any (unknown) length: one Put Blob when it fits in the initial transfer size,
    /// otherwise blocks staged in parallel with bounded memory, then one Put Block List. Re-running after
    /// an interruption skips blocks already staged with the same content.
    /// </summary>
    public async Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BlobUploadOptions();
        var initial = options.TransferOptions.InitialTransferSize;
        var first = new byte[initial];
        var length = await BlockUploader.ReadBlockAsync(content, first, initial, cancellationToken).ConfigureAwait(false);
        // A seekable stream says whether it ended; for one of unknown length the block path copes with an empty tail.
        if (length < initial || (content.CanSeek && content.Position >= content.Length))
            return await UploadAsync(new BinaryData(first.AsMemory(0, length)), options, cancellationToken).ConfigureAwait(false);
        return await new BlockUploader(this, options).UploadAsync(content, first, length, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Create-only write (If-None-Match: *): true if this call created the blob, false if it already existed.
    /// The basis of "exactly one worker wins".
    /// </summary>
    public async Task<bool> UploadIfNotExistsAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BlobUploadOptions();
        options.Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All, LeaseId = options.Conditions?.LeaseId };
        try
        {
            await UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        // Azure and Azurite answer 409 BlobAlreadyExists; 412 is accepted too, defensively.
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Put Block: stages one block (ids: base64, the same length for every block of the blob).</summary>
    public async Task<Response> StageBlockAsync(string base64BlockId, BinaryData content, CancellationToken cancellationToken = default)
    {
        using var message = Context.CreateMessage(RequestMethod.Put, StorageUri.WithQuery(Uri, ("comp", "block"), ("blockid", base64BlockId)));
        message.Request.Content = RequestContent.Create(content);
        return await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Put Block List: commits the blocks, in order, as the blob's content.</summary>
    public async Task<Response<BlobContentInfo>> CommitBlockListAsync(IEnumerable<string> base64BlockIds, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var message = Context.CreateMessage(RequestMethod.Put, StorageUri.WithQuery(Uri, ("comp", "blocklist")));
        var request = message.Request;
        // The request's Content-Type describes the XML; the blob's own type goes in x-ms-blob-content-type.
        request.Headers.SetValue("Content-Type", "application/xml");
        if (options?.HttpHeaders?.ContentType is { } type) request.Headers.SetValue("x-ms-blob-content-type", type);
        BlobHeaders.SetHttpHeaders(request, options?.HttpHeaders);
        BlobHeaders.SetMetadata(request, options?.Metadata);
        BlobHeaders.SetConditions(request, options?.Conditions);
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("BlockList", base64BlockIds.Select(id => new XElement("Latest", id))));
        request.Content = RequestContent.Create(BinaryData.FromString(xml.Declaration + xml.ToString(SaveOptions.DisableFormatting)));
        var response = await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobHeaders.ReadContentInfo(response), response);
    }

    /// <summary>Get Block List (all): an absent blob has no blocks.</summary>
    public async Task<Response<BlockList>> GetBlockListAsync(CancellationToken cancellationToken = default)
    {
        using var message = Context.CreateMessage(RequestMethod.Get, StorageUri.WithQuery(Uri, ("comp", "blocklist"), ("blocklisttype", "all")));
        var response = await Context.SendAsync(message, cancellationToken, tolerated: 404).ConfigureAwait(false);
        if (response.Status == 404) return Response.FromValue(new BlockList([], []), response);
        var root = XDocument.Parse(response.Content.ToString()).Root!;
        IReadOnlyList<BlobBlock> Blocks(string kind) => root.Element(kind)?.Elements("Block")
            .Select(b => new BlobBlock(b.Element("Name")!.Value, long.Parse(b.Element("Size")!.Value, CultureInfo.InvariantCulture)))
            .ToList() ?? [];
        return Response.FromValue(new BlockList(Blocks("CommittedBlocks"), Blocks("UncommittedBlocks")), response);
    }

    /// <summary>
    /// Get Blob as a stream read from the network; <paramref name="range"/> limits it to bytes
    /// [Offset, Offset + Length). Never sends suffix or multi-ranges (Azurite mishandles them).
    /// </summary>
    public async Task<Response<BlobDownloadStreamingResult>> DownloadStreamingAsync(HttpRange range = default, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var message = Context.CreateMessage(RequestMethod.Get, Uri);
        message.BufferResponse = false;
        if (range.Offset != 0 || range.Length is not null)
        {
            var end = range.Length is { } length ? (range.Offset + length - 1).ToString(CultureInfo.InvariantCulture) : "";
            // x-ms-range has no 32-bit limit and keeps the signed Range line empty.
            message.Request.Headers.SetValue("x-ms-range", $"bytes={range.Offset.ToString(CultureInfo.InvariantCulture)}-{end}");
        }
        BlobHeaders.SetConditions(message.Request, conditions);
        try
        {
            var response = await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var stream = message.ExtractResponseContent() ?? Stream.Null;
            return Response.FromValue(new BlobDownloadStreamingResult(stream, BlobHeaders.ReadProperties(response), range), response);
        }
        finally
        {
            message.Dispose();
        }
    }

    /// <summary>Downloads the whole blob (or a range) into memory: for small blobs such as JSON.</summary>
    public async Task<Response<BinaryData>> DownloadContentAsync(HttpRange range = default, CancellationToken cancellationToken = default)
    {
        var result = await DownloadStreamingAsync(range, null, cancellationToken).ConfigureAwait(false);
        using var download = result.Value;
        var buffer = new MemoryStream();
        await download.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), result.GetRawResponse());
    }

    /// <summary>Streams the blob into <paramref name="destination"/>.</summary>
    public async Task<Response> DownloadToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        var result = await DownloadStreamingAsync(default, null, cancellationToken).ConfigureAwait(false);
        using var download = result.Value;
        await download.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        return result.GetRawResponse();
    }

    /// <summary>Set Blob Metadata: replaces the whole set. Values may be any Unicode text.</summary>
    public async Task<Response<BlobContentInfo>> SetMetadataAsync(IDictionary<string, string> metadata, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = Context.CreateMessage(RequestMethod.Put, StorageUri.WithQuery(Uri, ("comp", "metadata")));
        BlobHeaders.SetMetadata(message.Request, metadata);
        BlobHeaders.SetConditions(message.Request, conditions);
        var response = await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobHeaders.ReadContentInfo(response), response);
    }

    /// <summary>Deletes the blob (and its snapshots).</summary>
    public async Task<Response> DeleteAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = Context.CreateMessage(RequestMethod.Delete, Uri);
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        BlobHeaders.SetConditions(message.Request, conditions);
        return await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the blob; false if there was none.</summary>
    public async Task<bool> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await DeleteAsync(conditions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>A lease client for this blob.</summary>
    public BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) => new(this, Context, leaseId);

    /// <summary>A service SAS URI for this blob, signed with the account key.</summary>
    public Uri GenerateSasUri(BlobSasBuilder builder)
    {
        var key = Context.SharedKey ?? throw new InvalidOperationException("Signing a service SAS needs the account key; use a user delegation key with a token credential.");
        return WithSas(builder.ToSasQueryParameters(key, BlobContainerName, Name));
    }

    /// <summary>A read-, write- or create-scoped SAS URI for this blob that expires at <paramref name="expiresOn"/>.</summary>
    public Uri GenerateSasUri(BlobSasPermissions permissions, DateTimeOffset expiresOn) =>
        GenerateSasUri(new BlobSasBuilder(permissions, expiresOn) { StartsOn = Context.Clock.GetUtcNow().AddMinutes(-5) });

    /// <summary>A user delegation SAS URI (Entra ID / managed identity; no account key).</summary>
    public Uri GenerateUserDelegationSasUri(BlobSasBuilder builder, UserDelegationKey key) =>
        WithSas(builder.ToSasQueryParameters(key, AccountName, BlobContainerName, Name));

    Uri WithSas(string sas) => new UriBuilder(StorageUri.WithoutQuery(Uri)) { Query = sas }.Uri;
}
