using System.Text;
using BasicTrust.Highlights.Planning;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Reels;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Tests;

public class ReelAssemblerTests
{
    [Fact]
    public async Task Assemble_ThreeClips_HasTheirDurationChaptersAndCaptionsAndDecodes()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(seconds: 8), new MediaLimits());
        var encoding = ClipEncoding.For(source.Info, 720);
        var cuts = new[] { (0.4, 2.0), (3.0, 4.2), (5.0, 7.4) };
        var clips = new List<string>();
        foreach (var (from, to) in cuts)
        {
            // A quote in the file name exercises the concat list's escaping.
            var path = media.PathOf($"clip's-{clips.Count}.mp4");
            await ClipCutter.CutPreciseAsync(source, new ClipRequest(TimeSpan.FromSeconds(from), TimeSpan.FromSeconds(to), "t", "c"), encoding, path);
            clips.Add(path);
        }
        var chapters = new[]
        {
            new Chapter("c1", "Benoemen; = #1", TimeSpan.Zero, TimeSpan.FromSeconds(1.6)),
            new Chapter("c2", "Spiegelen", TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.8)),
            new Chapter("c3", "Veilig begrenzen", TimeSpan.FromSeconds(2.8), TimeSpan.FromSeconds(5.2)),
        };
        var cues = new[] { new CaptionCue("t1", TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(1.5), "Jij bent boos, hè? <b>&</b>") };
        var reel = media.PathOf("reel.mp4");

        await ReelAssembler.AssembleAsync(new ReelInput(clips, "Sessie 3", chapters, cues, "nl"), reel);

        var info = await MediaProbe.ProbeAsync(reel);
        Assert.InRange(info.Duration.TotalSeconds, 5.1, 5.35);
        Assert.True(Mp4Boxes.IsFastStart(reel));
        var analysis = await TestMedia.AnalyseAsync(reel);
        Assert.Equal(["Benoemen; = #1", "Spiegelen", "Veilig begrenzen"], analysis.Chapters.Select(c => c.Title));
        Assert.Equal("Sessie 3", analysis.Format.Tags?["title"]);
        var captions = Assert.Single(analysis.SubtitleStreams);
        Assert.Equal(("mov_text", "dut"), (captions.CodecName, captions.Language));
        var frames = await media.FrameNumbersAsync(reel);
        Assert.Equal([.. Enumerable.Range(10, 40), .. Enumerable.Range(75, 30), .. Enumerable.Range(125, 60)], frames);
    }

    [Fact]
    public async Task Assemble_HostileCaptions_ReachTheEmbeddedTrackByteForByteAtThePlannedTimes()
    {
        string[] texts =
        [
            "Mama {lacht} nee", "a \\N b", "{\\an8}boven", "<b>vet</b> &amp;", "é ü 你好", "\"zegt\" 'ze'",
            "back\\slash \\\\ twee", "eindigt op \\", "a --> b", "regel 1\r\nregel 2\rregel 3\n\nregel 5",
        ];
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.VideoAsync(seconds: 6, size: "160x120"), new MediaLimits());
        var clip = media.PathOf("clip.mp4");
        await ClipCutter.CutPreciseAsync(source, new ClipRequest(TimeSpan.Zero, TimeSpan.FromSeconds(6), "t", "c"), ClipEncoding.For(source.Info, 720), clip);
        // Gaps between the cues, the first one not at 0, times that are no whole number of frames.
        var cues = texts.Select((text, i) => new CaptionCue($"t{i}", TimeSpan.FromMilliseconds(250 + 550 * i), TimeSpan.FromMilliseconds(250 + 550 * i + 433), text)).ToList();
        var reel = media.PathOf("reel.mp4");

        await ReelAssembler.AssembleAsync(new ReelInput([clip], "Sessie", [], cues, "nl"), reel);

        var shown = Mp4TextTrack.Read(reel).Where(s => s.Text.Length > 0).ToList();
        Assert.Equal(cues.Select(c => (c.Start, c.End)), shown.Select(s => (s.Start, s.End)));
        Assert.Equal(texts.Select(t => Encoding.UTF8.GetBytes(FfMetadata.NormaliseLineEndings(t))), shown.Select(s => s.Text));
        var captions = Assert.Single((await TestMedia.AnalyseAsync(reel)).SubtitleStreams);
        Assert.Equal(("mov_text", "dut"), (captions.CodecName, captions.Language));
        Assert.True(Mp4Boxes.IsFastStart(reel));
    }

    [Fact]
    public async Task Assemble_ChildsWords_AreItalicInTheEmbeddedTrack_AsFfmpegReadsIt()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.VideoAsync(seconds: 3, size: "160x120"), new MediaLimits());
        var clip = media.PathOf("clip.mp4");
        await ClipCutter.CutPreciseAsync(source, new ClipRequest(TimeSpan.Zero, TimeSpan.FromSeconds(3), "t", "c"), ClipEncoding.For(source.Info, 720), clip);
        var cues = new[]
        {
            new CaptionCue("t1", TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5), "Jij bent moe, hè?", "Therapeut"),
            new CaptionCue("t2", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.5), "Ik wil naar bed", "Kind", ChildWords: true),
        };
        var reel = media.PathOf("reel.mp4");

        await ReelAssembler.AssembleAsync(new ReelInput([clip], "Sessie", [], cues, "nl"), reel);

        // FFmpeg's own reading of the track, written out as WebVTT: the child's words, and only those, in italics.
        var vtt = media.PathOf("decoded.vtt");
        await FfmpegCommand.From(reel).ToFile(vtt, o => o.WithCustomArgument("-map 0:s:0 -c:s webvtt")).RunAsync();
        var text = await File.ReadAllTextAsync(vtt);
        Assert.Contains("Jij bent moe, hè?\n<i>Ik wil naar bed</i>", text);
        Assert.DoesNotContain("<i>Jij", text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(30)]
    public async Task Assemble_LowOrNtscRateSource_HasEqualAverageAndNominalFrameRates(int rate)
    {
        using var media = new TestMedia();
        var recording = await media.VideoAsync(seconds: 8, size: "160x120", rate: rate, extra: rate == 30 ? "-r 30000/1001" : "");
        var source = await MediaSource.OpenAsync(recording, new MediaLimits());
        var encoding = ClipEncoding.For(source.Info, 720);
        var clips = new List<string>();
        // Lengths that are no whole number of frames at 24000/1001 or 30000/1001; the last one ends at the recording's end.
        foreach (var (from, to) in new[] { (1.0, 3.0), (3.5, 6.0), (6.5, 8.0) })
        {
            var path = media.PathOf($"clip-{clips.Count}.mp4");
            await ClipCutter.CutPreciseAsync(source, new ClipRequest(TimeSpan.FromSeconds(from), TimeSpan.FromSeconds(to), "t", "c"), encoding, path);
            clips.Add(path);
        }
        var reel = media.PathOf("reel.mp4");

        await ReelAssembler.AssembleAsync(new ReelInput(clips, "Sessie", [], [], "nl"), reel);

        var video = (await TestMedia.AnalyseAsync(reel)).PrimaryVideoStream!;
        Assert.Equal(encoding.FramesPerSecond, video.RealFrameRate, 6);
        Assert.Equal(video.RealFrameRate, video.AverageFrameRate, 6);
    }

    [Fact]
    public async Task Verify_FileWithIndexAtTheEnd_IsRefused()
    {
        using var media = new TestMedia();
        var path = await media.VideoAsync(seconds: 1);
        await Assert.ThrowsAsync<InvalidDataException>(() => ReelAssembler.VerifyAsync(path));
    }

    [Fact]
    public async Task Verify_CorruptedMiddle_FailsToDecode()
    {
        using var media = new TestMedia();
        var path = await media.VideoAsync(seconds: 2, extra: "-movflags +faststart");
        var bytes = await File.ReadAllBytesAsync(path);
        Array.Fill(bytes, (byte)0xFF, bytes.Length / 2, 4096);
        await File.WriteAllBytesAsync(path, bytes);
        await Assert.ThrowsAsync<Ffmpeg.MediaProcessException>(() => ReelAssembler.VerifyAsync(path));
    }

    [Fact]
    public void ConcatList_QuotesEachPathAndEscapesQuotes()
    {
        Assert.Equal("ffconcat version 1.0\nfile '/tmp/a'\\''b.mp4'\n", ReelAssembler.ConcatList(["/tmp/a'b.mp4"]));
    }
}

public class ReelTextFormatTests
{
    [Fact]
    public void WebVtt_EscapesMarkupAndDropsBlankLinesSoACueCannotEndEarly()
    {
        var vtt = WebVtt.Write([new CaptionCue("t1", TimeSpan.FromSeconds(61.5), TimeSpan.FromSeconds(3725.25), "a --> b <i>&\n\nnext")]);
        Assert.Equal("WEBVTT\n\n1\n00:01:01.500 --> 01:02:05.250\na --&gt; b &lt;i&gt;&amp;\nnext\n", vtt);
    }

    [Fact]
    public void TimedText_GapsBecomeEmptySamplesAndOverlappingCuesShowTogether()
    {
        var samples = TimedText.Samples(
        [
            new CaptionCue("a", TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), "a"),
            new CaptionCue("b", TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.5), "b\r\nc"),
            new CaptionCue("c", TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.0004), "too short for a millisecond"),
            new CaptionCue("d", TimeSpan.FromSeconds(3.25), TimeSpan.FromSeconds(4), "d"),
        ]);
        Assert.Equal([(500, ""), (1000, "a"), (500, "a\nb\nc"), (500, "b\nc"), (750, ""), (750, "d")], samples.Select(s => (s.Duration, s.Text)));
        Assert.All(samples, s => Assert.Empty(s.Italic));
    }

    [Fact]
    public void TimedText_ChildsWords_AreItalicRunsInCharacters_WhereverTheyStandInASample()
    {
        var samples = TimedText.Samples(
        [
            new CaptionCue("a", TimeSpan.FromSeconds(0), TimeSpan.FromSeconds(2), "Jij bent boos, hè?", "Therapeut"),
            new CaptionCue("b", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), "Ik wil níet", "Kind", ChildWords: true),
        ]);
        // "Jij bent boos, hè?" is 18 characters (20 bytes): the child's words start after it and its line break.
        Assert.Equal([(1000L, 0), (1000L, 1), (1000L, 1)], samples.Select(s => (s.Duration, s.Italic.Count)));
        Assert.Equal((19, 30), samples[1].Italic[0]);
        Assert.Equal((0, 11), samples[2].Italic[0]);
    }

    [Fact]
    public void WebVtt_NamesTheVoice_AndSetsTheChildsWordsInItalics()
    {
        var vtt = WebVtt.Write([new CaptionCue("t1", TimeSpan.Zero, TimeSpan.FromSeconds(1), "Ik <wil>", "Kind", ChildWords: true),
            new CaptionCue("t2", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), "Goed zo", "Moeder")]);
        Assert.Contains("\n<v Kind><i>Ik &lt;wil&gt;</i></v>\n", vtt);
        Assert.Contains("\n<v Moeder>Goed zo</v>\n", vtt);
    }

    [Fact]
    public void TimedText_File_HasItsIndexFirstAndTheSamplesAsWritten()
    {
        var file = TimedText.Write([new CaptionCue("a", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), "{x}")], "dut");
        Assert.Equal(["ftyp", "moov", "mdat"], Boxes(file));
        Assert.Equal([0, 3, (byte)'{', (byte)'x', (byte)'}'], file[^5..]);
    }

    static List<string> Boxes(byte[] file)
    {
        var types = new List<string>();
        for (var at = 0; at < file.Length; at += (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at)))
            types.Add(Encoding.ASCII.GetString(file, at + 4, 4));
        return types;
    }

    [Fact]
    public void FfMetadata_EscapesSpecialCharactersAndWritesMilliseconds()
    {
        var text = FfMetadata.Write("Sessie #3", [new Chapter("c", "a=b;c\\d\ne", TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2))]);
        Assert.Equal(";FFMETADATA1\ntitle=Sessie \\#3\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=1500\nEND=2000\ntitle=a\\=b\\;c\\\\d\\\ne\n", text);
    }

    [Fact]
    public void FfMetadata_TrailingBackslashAndCarriageReturns_AreMadeSafeForFfmpegsReader()
    {
        // CR LF and CR become an escaped LF; the NUL keeps FFmpeg 5.1 from reading the next line into the value.
        Assert.Equal("a\\\nb\\\nc \\\\\0", FfMetadata.Escape("a\r\nb\rc \\"));
    }
}
