using System.Net;
using System.Net.Http.Headers;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Tests;

public class RangeRelayTests
{
    [Fact]
    public async Task Precise_ThroughTheRelay_CutsTheRequestedFrames()
    {
        using var media = new TestMedia();
        var path = await media.NumberedVideoAsync(seconds: 30);
        await using var relay = RangeRelay.Start(new FileInfo(path).Length, FileReader(path));

        var source = await MediaSource.OpenAsync(relay.Url, new MediaLimits());
        var output = media.PathOf("clip.mp4");
        await ClipCutter.CutPreciseAsync(source, new ClipRequest(TimeSpan.FromSeconds(14.2), TimeSpan.FromSeconds(15), "t", "c"), ClipEncoding.For(source.Info, 720), output);

        Assert.Equal(Enumerable.Range(355, 20), await media.FrameNumbersAsync(output));
    }

    [Fact]
    public async Task Draft_ThroughTheRelay_FetchesLittleMoreThanTheClip()
    {
        using var media = new TestMedia();
        // Busy pictures at a high bit rate, so the file is large next to the relay's first reads.
        var path = await media.VideoAsync(seconds: 60, size: "640x360", extra: "-crf 12 -g 25");
        var length = new FileInfo(path).Length;
        await using var relay = RangeRelay.Start(length, FileReader(path));

        var source = await MediaSource.OpenAsync(relay.Url, new MediaLimits());
        await ClipCutter.CutDraftAsync(source, new ClipRequest(TimeSpan.FromSeconds(30.2), TimeSpan.FromSeconds(32), "t", "c"), media.PathOf("draft.mp4"));

        // The clip is about 1/20 of the file; the opens (probe, end check, keyframes, copy) read the file's start and
        // its index, which the relay fetches once and keeps.
        Assert.InRange(relay.BytesFetched, length / 20, length / 3);
    }

    [Fact]
    public async Task Get_RangesAreServedAsAskedAndBadOnesRefused()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await using var relay = RangeRelay.Start(bytes.Length, (offset, count, _) => Task.FromResult<Stream>(new MemoryStream(bytes, (int)offset, (int)count)));
        using var http = new HttpClient();

        Assert.Equal(bytes[100..], await Get(http, relay.Url, "bytes=100-"));
        Assert.Equal(bytes[10..21], await Get(http, relay.Url, "bytes=10-20"));
        Assert.Equal(bytes, await http.GetByteArrayAsync(relay.Url));
        using var beyond = new HttpRequestMessage(HttpMethod.Get, relay.Url) { Headers = { Range = RangeHeaderValue.Parse("bytes=1000-") } };
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await http.SendAsync(beyond)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(relay.Url[..relay.Url.LastIndexOf('/')] + "/other.mp4")).StatusCode);
    }

    [Fact]
    public async Task BytesAskedForAgain_AreServedFromWhatTheRelayKept_NotFetchedAgain()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        var fetched = new List<(long Offset, long Count)>();
        await using var relay = RangeRelay.Start(bytes.Length, (offset, count, _) =>
        {
            lock (fetched) fetched.Add((offset, count));
            return Task.FromResult<Stream>(new MemoryStream(bytes, (int)offset, (int)count));
        });
        using var http = new HttpClient();

        Assert.Equal(bytes[..100_000], await Get(http, relay.Url, "bytes=0-99999"));
        Assert.Equal(100_000, relay.BytesFetched);
        // Asked again, whole or in part: nothing more from storage.
        Assert.Equal(bytes[..100_000], await Get(http, relay.Url, "bytes=0-99999"));
        Assert.Equal(bytes[5_000..70_001], await Get(http, relay.Url, "bytes=5000-70000"));
        Assert.Equal(100_000, relay.BytesFetched);
        // A range that runs on past what is kept fetches only the rest.
        Assert.Equal(bytes[90_000..], await Get(http, relay.Url, "bytes=90000-"));
        Assert.Equal(bytes.Length, relay.BytesFetched);
        Assert.DoesNotContain(fetched.Skip(2), f => f.Offset < 100_000);
        Assert.Equal(bytes, await http.GetByteArrayAsync(relay.Url));
        Assert.Equal(bytes.Length, relay.BytesFetched);
    }

    static async Task<byte[]> Get(HttpClient http, string url, string range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = RangeHeaderValue.Parse(range) } };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    static RangeReader FileReader(string path) => (offset, count, _) =>
    {
        var file = File.OpenRead(path);
        file.Position = offset;
        var buffer = new byte[count];
        file.ReadExactly(buffer);
        file.Dispose();
        return Task.FromResult<Stream>(new MemoryStream(buffer));
    };
}
