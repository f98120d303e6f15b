using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace BasicTrust.Storage;

/// <summary>How <see cref="ResumableUpload"/> sends a file.</summary>
public sealed record ResumableUploadOptions
{
    /// <summary>The size of each block; a stream shorter than one block goes in one request.</summary>
    public int BlockSize { get; init; } = 8 * 1024 * 1024;
    /// <summary>How many blocks are in flight at once; memory stays near this × <see cref="BlockSize"/>.</summary>
    public int MaxConcurrency { get; init; } = 4;
    public BlobHttpHeaders? HttpHeaders { get; init; }
    /// <summary>Receives the number of bytes staged so far.</summary>
    public IProgress<long>? Progress { get; init; }
    /// <summary>Where this machine notes the blocks it staged, for a resume through a link that cannot list them.</summary>
    public string? JournalPath { get; init; }
}

/// <summary>
/// Uploads a stream of unknown length in parallel blocks with bounded memory, and resumes after an interruption.
/// The SDK's <c>UploadAsync</c> does the first two but starts from zero every time. Block ids are content-addressed
/// (index + SHA-256 prefix), so a re-run skips blocks an interrupted run already staged with the same bytes and never
/// reuses a block whose bytes differ. Which blocks are staged comes from Get Block List, or, through a write-only link
/// (which rightly cannot list them), from the local journal.
/// </summary>
public sealed class ResumableUpload(BlockBlobClient blob, ResumableUploadOptions options)
{
    readonly Lock _journal = new();
    long _uploaded;

    /// <summary>The block id of the <paramref name="index"/>th block: the same encoded length for every block of a blob.</summary>
    public static string BlockId(int index, ReadOnlySpan<byte> content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        return Convert.ToBase64String(Encoding.ASCII.GetBytes($"{index:d6}-{hash}"));
    }

    /// <summary>Uploads <paramref name="content"/> and commits it; the journal is deleted once the blob is committed.</summary>
    public async Task<BlobContentInfo> UploadAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var first = new byte[options.BlockSize];
        var firstLength = await ReadBlockAsync(content, first, cancellationToken).ConfigureAwait(false);
        if (firstLength < options.BlockSize)
        {
            var uploaded = await blob.UploadAsync(new MemoryStream(first, 0, firstLength, writable: false),
                new BlobUploadOptions { HttpHeaders = options.HttpHeaders }, cancellationToken).ConfigureAwait(false);
            options.Progress?.Report(firstLength);
            return uploaded.Value;
        }

        var staged = await StagedBlocksAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string> { BlockId(0, first.AsSpan(0, firstLength)) };
        using var gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task> { StageAsync(0, first, firstLength, staged, gate, failed) };
        try
        {
            for (var index = 1; ; index++)
            {
                await gate.WaitAsync(failed.Token).ConfigureAwait(false);
                var buffer = ArrayPool<byte>.Shared.Rent(options.BlockSize);
                var length = await ReadBlockAsync(content, buffer, failed.Token).ConfigureAwait(false);
                if (length == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    gate.Release();
                    break;
                }
                ids.Add(BlockId(index, buffer.AsSpan(0, length)));
                running.Add(StageAsync(index, buffer, length, staged, gate, failed, pooled: true));
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A block failed and cancelled the rest: Task.WhenAll below reports that failure.
        }
        catch
        {
            // The source failed (or the caller cancelled): let blocks already read finish staging, so a re-run has
            // them, then report the source's error rather than theirs.
            try { await Task.WhenAll(running).ConfigureAwait(false); } catch { /* the loop's error is the one to report */ }
            throw;
        }
        await Task.WhenAll(running).ConfigureAwait(false);
        var committed = await blob.CommitBlockListAsync(ids, new CommitBlockListOptions { HttpHeaders = options.HttpHeaders }, cancellationToken).ConfigureAwait(false);
        if (options.JournalPath is { } journal) File.Delete(journal);
        return committed.Value;
    }

    /// <summary>Blocks a previous run left uncommitted, by id and size.</summary>
    async Task<Dictionary<string, long>> StagedBlocksAsync(CancellationToken cancellationToken)
    {
        try
        {
            var list = await blob.GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: cancellationToken).ConfigureAwait(false);
            return list.Value.UncommittedBlocks.ToDictionary(b => b.Name, b => b.SizeLong);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return []; // nothing staged yet
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            if (options.JournalPath is not { } journal || !File.Exists(journal)) return [];
            return (await File.ReadAllLinesAsync(journal, cancellationToken).ConfigureAwait(false))
                .Select(line => line.Split(' '))
                .Where(parts => parts.Length == 2 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out _))
                .GroupBy(parts => parts[0])
                .ToDictionary(g => g.Key, g => long.Parse(g.First()[1], CultureInfo.InvariantCulture));
        }
    }

    async Task StageAsync(int index, byte[] buffer, int length, Dictionary<string, long> staged, SemaphoreSlim gate, CancellationTokenSource failed, bool pooled = false)
    {
        try
        {
            var id = BlockId(index, buffer.AsSpan(0, length));
            if (!(staged.TryGetValue(id, out var size) && size == length))
            {
                await blob.StageBlockAsync(id, new MemoryStream(buffer, 0, length, writable: false), cancellationToken: failed.Token).ConfigureAwait(false);
                if (options.JournalPath is { } journal)
                    lock (_journal) File.AppendAllText(journal, $"{id} {length}\n");
            }
            options.Progress?.Report(Interlocked.Add(ref _uploaded, length));
        }
        catch
        {
            failed.Cancel();
            throw;
        }
        finally
        {
            if (pooled) ArrayPool<byte>.Shared.Return(buffer);
            if (index > 0) gate.Release();
        }
    }

    async Task<int> ReadBlockAsync(Stream content, byte[] buffer, CancellationToken cancellationToken) =>
        await content.ReadAtLeastAsync(buffer.AsMemory(0, options.BlockSize), options.BlockSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
}
