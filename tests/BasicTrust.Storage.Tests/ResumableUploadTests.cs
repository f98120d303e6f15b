using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;

namespace BasicTrust.Storage.Tests;

public class ResumableUploadTests
{
    const int Block = 64 * 1024;

    static ResumableUploadOptions SmallBlocks(IProgress<long>? progress = null, string? journal = null) => new()
    {
        BlockSize = Block,
        MaxConcurrency = 3,
        HttpHeaders = new BlobHttpHeaders { ContentType = "video/mp4" },
        Progress = progress,
        JournalPath = journal,
    };

    static BlockBlobClient Blob(TestContainer c, string name, CountingPolicy? counter = null) =>
        Azurite.Service(counter?.AddTo(StorageClientDefaults.Blobs())).GetBlobContainerClient(c.Client.Name).GetBlockBlobClient(name);

    [Fact]
    public async Task Upload_StreamOfUnknownLength_CommitsBlocksInOrder()
    {
        await using var c = await Azurite.NewContainerAsync();
        var data = RandomNumberGenerator.GetBytes(1_000_000);
        var blob = Blob(c, "recordings/r.mp4");
        var reported = new List<long>();

        await new ResumableUpload(blob, SmallBlocks(new SyncProgress(reported.Add))).UploadAsync(new ForwardOnlyStream(data));

        Assert.Equal(data, (await blob.DownloadContentAsync()).Value.Content.ToArray());
        var blocks = (await blob.GetBlockListAsync()).Value;
        Assert.Equal(16, blocks.CommittedBlocks.Count()); // ceil(1,000,000 / 65,536)
        Assert.Empty(blocks.UncommittedBlocks);
        Assert.Equal(data.Length, reported.Max());
        Assert.Equal("video/mp4", (await blob.GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task Upload_SmallStream_UsesOneRequest()
    {
        await using var c = await Azurite.NewContainerAsync();
        var blob = Blob(c, "small");
        await new ResumableUpload(blob, SmallBlocks()).UploadAsync(new MemoryStream([1, 2, 3]));
        Assert.Equal([1, 2, 3], (await blob.DownloadContentAsync()).Value.Content.ToArray());
        Assert.Empty((await blob.GetBlockListAsync()).Value.CommittedBlocks);
    }

    [Fact]
    public async Task Upload_AfterAnInterruptedRun_SkipsBlocksAlreadyStaged()
    {
        await using var c = await Azurite.NewContainerAsync();
        var data = RandomNumberGenerator.GetBytes(10 * Block);
        var name = "recordings/resume.mp4";

        // First run: the source fails after 6 blocks' worth of bytes; nothing is committed.
        await Assert.ThrowsAsync<IOException>(() => new ResumableUpload(Blob(c, name), SmallBlocks()).UploadAsync(new ForwardOnlyStream(data, failAfter: 6 * Block)));
        Assert.False((await c.Blob(name).ExistsAsync()).Value);
        Assert.Equal(6, (await Blob(c, name).GetBlockListAsync(BlockListTypes.Uncommitted)).Value.UncommittedBlocks.Count());

        // Second run: only the missing blocks are sent.
        var counter = new CountingPolicy("comp=block&");
        await new ResumableUpload(Blob(c, name, counter), SmallBlocks()).UploadAsync(new ForwardOnlyStream(data));

        Assert.Equal(4, counter.Count);
        Assert.Equal(data, (await c.Blob(name).DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Upload_WithAWriteOnlySasAndAJournal_ResumesWhereTheLastRunStopped()
    {
        await using var c = await Azurite.NewContainerAsync();
        var data = RandomNumberGenerator.GetBytes(10 * Block);
        var journal = Path.Combine(Path.GetTempPath(), $"bt-journal-{Guid.NewGuid():N}");
        var sas = c.Blob("recordings/journal.mp4").GenerateSasUri(BlobSasPermissions.Create | BlobSasPermissions.Write, DateTimeOffset.UtcNow.AddMinutes(10));

        await Assert.ThrowsAsync<IOException>(() => new ResumableUpload(new BlockBlobClient(sas), SmallBlocks(journal: journal))
            .UploadAsync(new ForwardOnlyStream(data, failAfter: 7 * Block)));
        Assert.Equal(7, File.ReadAllLines(journal).Length);

        // The SAS cannot list blocks (403); the journal says which 7 are staged, so 3 are sent.
        var counter = new CountingPolicy("comp=block&");
        await new ResumableUpload(new BlockBlobClient(sas, counter.AddTo(StorageClientDefaults.Blobs())), SmallBlocks(journal: journal))
            .UploadAsync(new ForwardOnlyStream(data));

        Assert.Equal(3, counter.Count);
        Assert.Equal(data, (await c.Blob("recordings/journal.mp4").DownloadContentAsync()).Value.Content.ToArray());
        Assert.False(File.Exists(journal));
    }

    [Fact]
    public async Task Upload_ChangedSourceBetweenRuns_NeverReusesStaleBlocks()
    {
        await using var c = await Azurite.NewContainerAsync();
        var original = RandomNumberGenerator.GetBytes(4 * Block);
        await Assert.ThrowsAsync<IOException>(() => new ResumableUpload(Blob(c, "x"), SmallBlocks()).UploadAsync(new ForwardOnlyStream(original, failAfter: 3 * Block + 100)));

        var changed = RandomNumberGenerator.GetBytes(4 * Block);
        await new ResumableUpload(Blob(c, "x"), SmallBlocks()).UploadAsync(new ForwardOnlyStream(changed));
        Assert.Equal(changed, (await c.Blob("x").DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public void BlockId_IsFixedLengthBase64AndDependsOnContent()
    {
        var a = ResumableUpload.BlockId(1, [1, 2, 3]);
        Assert.Equal(a.Length, ResumableUpload.BlockId(123456, [9]).Length);
        Assert.NotEqual(a, ResumableUpload.BlockId(1, [1, 2, 4]));
        Assert.NotEqual(a, ResumableUpload.BlockId(2, [1, 2, 3]));
        Assert.Equal(a, ResumableUpload.BlockId(1, [1, 2, 3]));
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
