using System.Security.Cryptography;
using Azure.Core;
using Azure.Core.Pipeline;
using BasicTrust.Storage.Blobs;

namespace BasicTrust.Storage.Tests.Blobs;

public class BlockUploadTests
{
    static BlobUploadOptions SmallBlocks(IProgress<long>? progress = null) => new()
    {
        HttpHeaders = new() { ContentType = "video/mp4" },
        TransferOptions = new() { InitialTransferSize = 64 * 1024, MaximumTransferSize = 64 * 1024, MaximumConcurrency = 3 },
        ProgressHandler = progress,
    };

    [Fact]
    public async Task Upload_StreamOfUnknownLength_CommitsBlocksInOrder()
    {
        await using var c = await Azurite.NewContainerAsync();
        var data = RandomNumberGenerator.GetBytes(1_000_000);
        var blob = c.Blob("recordings/r.mp4");
        var reported = new List<long>();

        await blob.UploadAsync(new ForwardOnlyStream(data), SmallBlocks(new SyncProgress(reported.Add)));

        Assert.Equal(data, (await blob.DownloadContentAsync()).Value.ToArray());
        var blocks = (await blob.GetBlockListAsync()).Value;
        Assert.Equal(16, blocks.CommittedBlocks.Count); // ceil(1,000,000 / 65,536)
        Assert.Empty(blocks.UncommittedBlocks);
        Assert.Equal(data.Length, reported.Max());
        Assert.Equal("video/mp4", (await blob.GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task Upload_SmallStream_UsesOneRequest()
    {
        await using var c = await Azurite.NewContainerAsync();
        var blob = c.Blob("small");
        await blob.UploadAsync(new MemoryStream([1, 2, 3]), SmallBlocks());
        Assert.Equal([1, 2, 3], (await blob.DownloadContentAsync()).Value.ToArray());
        Assert.Empty((await blob.GetBlockListAsync()).Value.CommittedBlocks);
    }

    [Fact]
    public async Task Upload_AfterAnInterruptedRun_SkipsBlocksAlreadyStaged()
    {
        await using var c = await Azurite.NewContainerAsync();
        var data = RandomNumberGenerator.GetBytes(640 * 1024); // 10 blocks
        var name = "recordings/resume.mp4";

        // First run: the source fails after 6 blocks' worth of bytes; nothing is committed.
        await Assert.ThrowsAsync<IOException>(() => c.Blob(name).UploadAsync(new ForwardOnlyStream(data, failAfter: 6 * 64 * 1024), SmallBlocks()));
        Assert.False((await c.Blob(name).ExistsAsync()).Value);
        // Blocks read before the failure were still staged.
        Assert.Equal(6, (await c.Blob(name).GetBlockListAsync()).Value.UncommittedBlocks.Count);

        // Second run: only the missing blocks are sent.
        var counter = new CountingPolicy("comp=block&");
        var options = new StorageClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var blob = new BlobServiceClient(Azurite.ConnectionString, options).GetBlobContainerClient(c.Client.Name).GetBlobClient(name);
        await blob.UploadAsync(new ForwardOnlyStream(data), SmallBlocks());

        Assert.Equal(4, counter.Count);
        Assert.Equal(data, (await blob.DownloadContentAsync()).Value.ToArray());
    }

    [Fact]
    public async Task Upload_WithAWriteOnlySasAndAJournal_ResumesWhereTheLastRunStopped()
    {
        await using var c = await Azurite.NewContainerAsync();
        var data = RandomNumberGenerator.GetBytes(640 * 1024); // 10 blocks
        var journal = Path.Combine(Path.GetTempPath(), $"bt-journal-{Guid.NewGuid():N}");
        var sas = c.Blob("recordings/journal.mp4").GenerateSasUri(BasicTrust.Storage.Sas.BlobSasPermissions.Create | BasicTrust.Storage.Sas.BlobSasPermissions.Write, DateTimeOffset.UtcNow.AddMinutes(10));
        var options = SmallBlocks();
        options.JournalPath = journal;

        await Assert.ThrowsAsync<IOException>(() => new BlobClient(sas).UploadAsync(new ForwardOnlyStream(data, failAfter: 7 * 64 * 1024), options));
        Assert.Equal(7, File.ReadAllLines(journal).Length);

        // The SAS cannot list blocks (403); the journal says which 7 are staged, so 3 are sent.
        var counter = new CountingPolicy("comp=block&");
        var clientOptions = new StorageClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        await new BlobClient(sas, clientOptions).UploadAsync(new ForwardOnlyStream(data), options);

        Assert.Equal(3, counter.Count);
        Assert.Equal(data, (await c.Blob("recordings/journal.mp4").DownloadContentAsync()).Value.ToArray());
        Assert.False(File.Exists(journal));
    }

    [Fact]
    public async Task Upload_ChangedSourceBetweenRuns_NeverReusesStaleBlocks()
    {
        await using var c = await Azurite.NewContainerAsync();
        var original = RandomNumberGenerator.GetBytes(256 * 1024);
        await Assert.ThrowsAsync<IOException>(() => c.Blob("x").UploadAsync(new ForwardOnlyStream(original, failAfter: 200 * 1024), SmallBlocks()));

        var changed = RandomNumberGenerator.GetBytes(256 * 1024);
        await c.Blob("x").UploadAsync(new ForwardOnlyStream(changed), SmallBlocks());
        Assert.Equal(changed, (await c.Blob("x").DownloadContentAsync()).Value.ToArray());
    }

    /// <summary>A non-seekable stream (like a network upload) that can fail part-way.</summary>
    sealed class ForwardOnlyStream(byte[] data, int failAfter = int.MaxValue) : Stream
    {
        int _position;
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter) throw new IOException("source went away");
            var n = Math.Min(Math.Min(count, data.Length - _position), failAfter - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        readonly Lock _gate = new();
        public void Report(long value) { lock (_gate) report(value); }
    }
}

/// <summary>Counts requests whose URI contains a fragment (a pure observer; it changes nothing).</summary>
sealed class CountingPolicy(string uriFragment) : HttpPipelineSynchronousPolicy
{
    int _count;
    public int Count => _count;
    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Uri.ToUri().Query.Contains(uriFragment, StringComparison.Ordinal)) Interlocked.Increment(ref _count);
    }
}
