using System.Net;
using System.Text;
using BasicTrust.Highlights.Planning;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Reels;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Tests;

/// <summary>
/// A therapist's note and caption may hold anything. It must come out intact in the clip's tags, the reel's chapters
/// and reel.vtt, and never be part of a command line FFmpeg is started with.
/// </summary>
public class HostileTextTests
{
    // Quotes, backslashes (one trailing), ; = #, CR and LF, "-->", a shell substitution and a leading "-".
    const string Note = "-f lavfi -i \"Zorgnotitie\" 'x' ; a=b # c \\ d $(touch /tmp/pwned) --> e\r\nf\rg \\";
    const string Caption = "-y Zorgcaption \"quoted\"; k=v #tag \\n\r\n$(id) --> <b>&amp;</b>\\";
    static readonly string[] Markers = ["Zorg", "$(", "-->", "pwned", "\r"];

    [Fact]
    public void Commands_BuiltForHostileText_HoldNoneOfIt()
    {
        var source = new MediaSource("/rec/a.mp4", new Probing.MediaInfo
        {
            FormatName = "mov", Duration = TimeSpan.FromMinutes(1),
            Video = new Probing.VideoStreamInfo("h264", null, null, 320, 240, 25, 25, 0),
        });
        var clip = new ClipRequest(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), Note, Caption);
        string[] arguments =
        [
            ClipCutter.PreciseCommand(source, clip, new ClipEncoding(320, 240, "25"), "/out/c.mp4").Arguments,
            ClipCutter.DraftCommand(source, clip, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), "/out/d.mp4").Arguments,
        ];
        Assert.All(arguments, text => Assert.All(Markers, marker => Assert.DoesNotContain(marker, text)));
        // It went into the metadata file instead, escaped.
        Assert.Contains("Zorgnotitie", ClipCutter.Metadata(clip).Build());
    }

    [Fact]
    public async Task Pipeline_HostileNoteAndCaption_ComeOutIntactAndNeverReachACommandLine()
    {
        using var media = new TestMedia();
        var recording = await media.NumberedVideoAsync(seconds: 4);
        using var binaries = new LoggingBinaries();
        var recorded = new List<string>();
        var options = new ProcessRunOptions { BinaryFolder = binaries.Folder, CommandLineRan = recorded.Add };
        var limits = new MediaLimits();
        limits.Ffmpeg.BinaryFolder = binaries.Folder;

        var source = await MediaSource.OpenAsync(recording, limits);
        var clip = new ClipRequest(TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(1.6), Note, Caption);
        var encoding = ClipEncoding.For(source.Info, 720);
        var precise = media.PathOf("precise.mp4");
        var draft = media.PathOf("draft.mp4");
        await ClipCutter.CutPreciseAsync(source, clip, encoding, precise, options);
        await ClipCutter.CutDraftAsync(source, clip, draft, options: options);
        await Still.SaveAsync(source, TimeSpan.FromSeconds(1), encoding, media.PathOf("still.jpg"), options);
        var reel = media.PathOf("reel.mp4");
        var cues = new[] { new CaptionCue("t1", TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(1), Caption) };
        await ReelAssembler.AssembleAsync(new ReelInput([precise], Note,
            [new Chapter("c1", Note, TimeSpan.Zero, TimeSpan.FromSeconds(0.6)), new Chapter("c2", Caption, TimeSpan.FromSeconds(0.6), TimeSpan.FromSeconds(1.2))], cues, "nl"), reel, options);

        foreach (var file in new[] { precise, draft })
        {
            var tags = (await TestMedia.AnalyseAsync(file, options)).Format.Tags!;
            Assert.Equal((Normalised(Note), Normalised(Caption)), (tags["title"], tags["comment"]));
        }
        var analysis = await TestMedia.AnalyseAsync(reel, options);
        Assert.Equal([Normalised(Note), Normalised(Caption)], analysis.Chapters.Select(c => c.Title));
        Assert.Equal(Normalised(Note), analysis.Format.Tags!["title"]);
        // reel.vtt: the text, escaped, reads back as written (line breaks normalised).
        var vtt = WebVtt.Write(cues);
        Assert.DoesNotContain("--> <", vtt);
        Assert.Equal(Normalised(Caption), WebUtility.HtmlDecode(string.Join('\n', vtt.Split('\n')[4..^1])));
        // The reel's own caption track: the same bytes, not an escaped or converted form.
        Assert.Equal(Encoding.UTF8.GetBytes(Normalised(Caption)), Mp4TextTrack.Read(reel).Single(s => s.Text.Length > 0).Text);

        var runs = binaries.Runs();
        Assert.True(runs.Count >= 10, $"only {runs.Count} runs were logged");
        Assert.All(runs.SelectMany(run => run), argument => Assert.All(Markers, marker => Assert.DoesNotContain(marker, argument)));
        Assert.All(recorded, line => Assert.All(Markers, marker => Assert.DoesNotContain(marker, line)));
    }

    static string Normalised(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
