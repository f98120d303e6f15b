using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Azure;

namespace BasicTrust.Storage.Blobs;

/// <summary>
/// Uploads a stream of unknown length in blocks, at most <see cref="BlobTransferOptions.MaximumConcurrency"/>
/// at once, so memory stays near concurrency × block size whatever the stream's length.
/// Block ids are content-addressed (index + SHA-256 prefix), so a re-run skips blocks a previous,
/// interrupted run already staged with the same bytes, and never reuses a block whose bytes differ.
/// </summary>
sealed class BlockUploader(BlobClient blob, BlobUploadOptions options)
{
    readonly object _journal = new();
    long _uploaded;

    public static string BlockId(int index, ReadOnlySpan<byte> content)
    {
        var hash = Convert.ToHexString(SHA256.HashData(content))[..16].ToLowerInvariant();
        // Every id of one blob must have the same encoded length: fixed-width index and hash prefix.
        return Convert.ToBase64String(Encoding.ASCII.GetBytes($"{index:d6}-{hash}"));
    }

    public async Task<Response<BlobContentInfo>> UploadAsync(Stream content, byte[] first, int firstLength, CancellationToken cancellationToken)
    {
        var staged = await StagedBlocksAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        var transfer = options.TransferOptions;
        using var gate = new SemaphoreSlim(Math.Max(1, transfer.MaximumConcurrency));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task>();
        try
        {
            running.Add(StageAsync(0, first, firstLength, staged, gate, failed));
            ids.Add(BlockId(0, first.AsSpan(0, firstLength)));
            for (var index = 1; ; index++)
            {
                await gate.WaitAsync(failed.Token).ConfigureAwait(false);
                var buffer = ArrayPool<byte>.Shared.Rent(transfer.MaximumTransferSize);
                var length = await ReadBlockAsync(content, buffer, transfer.MaximumTransferSize, failed.Token).ConfigureAwait(false);
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
            // The source failed (or the caller cancelled): let blocks already read finish staging, so a
            // re-run has them, then report the source's error rather than theirs.
            try { await Task.WhenAll(running).ConfigureAwait(false); } catch { /* the loop's error is the one to report */ }
            throw;
        }
        await Task.WhenAll(running).ConfigureAwait(false);
        var committed = await blob.CommitBlockListAsync(ids, options, cancellationToken).ConfigureAwait(false);
        if (options.JournalPath is { } journal) File.Delete(journal);
        return committed;
    }

    /// <summary>
    /// Blocks a previous run left uncommitted. Listing them needs read permission, which a write-only
    /// upload SAS rightly lacks: then the local journal says what this machine staged, or, without one,
    /// every block is staged again.
    /// </summary>
    async Task<Dictionary<string, long>> StagedBlocksAsync(CancellationToken cancellationToken)
    {
        try
        {
            var list = await blob.GetBlockListAsync(cancellationToken).ConfigureAwait(false);
            return list.Value.UncommittedBlocks.ToDictionary(b => b.Name, b => b.Size);
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            if (options.JournalPath is not { } journal || !File.Exists(journal)) return [];
            return (await File.ReadAllLinesAsync(journal, cancellationToken).ConfigureAwait(false))
                .Select(line => line.Split(' '))
                .Where(parts => parts.Length == 2 && long.TryParse(parts[1], out _))
                .GroupBy(parts => parts[0]).ToDictionary(g => g.Key, g => long.Parse(g.First()[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    async Task StageAsync(int index, byte[] buffer, int length, Dictionary<string, long> staged, SemaphoreSlim gate, CancellationTokenSource failed, bool pooled = false)
    {
        try
        {
            var id = BlockId(index, buffer.AsSpan(0, length));
            if (!(staged.TryGetValue(id, out var size) && size == length))
            {
                await blob.StageBlockAsync(id, new BinaryData(buffer.AsMemory(0, length)), failed.Token).ConfigureAwait(false);
                if (options.JournalPath is { } journal)
                    lock (_journal) File.AppendAllText(journal, $"{id} {length}\n");
            }
            options.ProgressHandler?.Report(Interlocked.Add(ref _uploaded, length));
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

    public static async Task<int> ReadBlockAsync(Stream content, byte[] buffer, int size, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < size)
        {
            var read = await content.ReadAsync(buffer.AsMemory(total, size - total), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            total += read;
        }
        return total;
    }
}
