using Azure;

namespace BasicTrust.Storage.Blobs;

/// <summary>Conditions on a blob request: ETag and time conditions (from Azure.Core) plus a lease id.</summary>
public class BlobRequestConditions : RequestConditions
{
    /// <summary>The lease a leased blob's writes must carry.</summary>
    public string? LeaseId { get; set; }
}

/// <summary>HTTP properties stored with a blob.</summary>
public sealed class BlobHttpHeaders
{
    /// <summary>The blob's content type, e.g. <c>video/mp4</c>.</summary>
    public string? ContentType { get; set; }
    /// <summary>The Content-Disposition to serve the blob with.</summary>
    public string? ContentDisposition { get; set; }
    /// <summary>The Cache-Control to serve the blob with.</summary>
    public string? CacheControl { get; set; }
}

/// <summary>How a stream upload is split into blocks.</summary>
public sealed class BlobTransferOptions
{
    /// <summary>Content up to this size goes in one Put Blob.</summary>
    public int InitialTransferSize { get; set; } = 8 * 1024 * 1024;
    /// <summary>Size of each block; memory used is about (MaximumConcurrency + 1) × this.</summary>
    public int MaximumTransferSize { get; set; } = 8 * 1024 * 1024;
    /// <summary>Blocks staged at once.</summary>
    public int MaximumConcurrency { get; set; } = 4;
}

/// <summary>Options for an upload.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>HTTP properties for the new blob.</summary>
    public BlobHttpHeaders? HttpHeaders { get; set; }
    /// <summary>Metadata; values may be any Unicode text (they are percent-encoded on the wire).</summary>
    public IDictionary<string, string>? Metadata { get; set; }
    /// <summary>Conditions on the final write, e.g. <c>IfNoneMatch = ETag.All</c> for create-only.</summary>
    public BlobRequestConditions? Conditions { get; set; }
    /// <summary>Block size and parallelism for stream uploads.</summary>
    public BlobTransferOptions TransferOptions { get; set; } = new();
    /// <summary>Receives the number of bytes uploaded so far.</summary>
    public IProgress<long>? ProgressHandler { get; set; }
    /// <summary>
    /// A local file listing the blocks this machine staged. A write-only SAS cannot list a blob's uncommitted blocks,
    /// so with it, resuming relies on this journal; it is removed once the upload is committed.
    /// </summary>
    public string? JournalPath { get; set; }
}

/// <summary>The result of a write.</summary>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified);

/// <summary>A blob's properties and metadata, from HEAD, GET or a listing.</summary>
public sealed record BlobProperties
{
    /// <summary>The blob's length in bytes (the whole blob, also on ranged reads).</summary>
    public long ContentLength { get; init; }
    /// <summary>The stored content type.</summary>
    public string? ContentType { get; init; }
    /// <summary>The blob's ETag, with quotes.</summary>
    public ETag ETag { get; init; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastModified { get; init; }
    /// <summary>BlockBlob or AppendBlob.</summary>
    public string? BlobType { get; init; }
    /// <summary>available, leased, expired, breaking or broken.</summary>
    public string? LeaseState { get; init; }
    /// <summary>Decoded metadata (names case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

/// <summary>One entry of a listing.</summary>
public sealed record BlobItem(string Name, BlobProperties Properties);

/// <summary>A streaming download; dispose it to release the connection.</summary>
public sealed class BlobDownloadStreamingResult(Stream content, BlobProperties details, HttpRange range) : IDisposable
{
    /// <summary>The body, read from the network as you read it.</summary>
    public Stream Content { get; } = content;
    /// <summary>The blob's properties (ContentLength is the whole blob's).</summary>
    public BlobProperties Details { get; } = details;
    /// <summary>The range this response holds.</summary>
    public HttpRange Range { get; } = range;
    /// <summary>Releases the connection.</summary>
    public void Dispose() => Content.Dispose();
}

/// <summary>A block of a block blob.</summary>
public sealed record BlobBlock(string Name, long Size);

/// <summary>The committed and uncommitted blocks of a block blob.</summary>
public sealed record BlockList(IReadOnlyList<BlobBlock> CommittedBlocks, IReadOnlyList<BlobBlock> UncommittedBlocks);

/// <summary>A lease on a blob.</summary>
public sealed record BlobLease(string LeaseId, ETag ETag);
