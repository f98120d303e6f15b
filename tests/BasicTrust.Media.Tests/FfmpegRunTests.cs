using BasicTrust.Media.Ffmpeg;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Tests;

/// <summary>The adapter running the real FFmpeg and ffprobe: limits, cancellation, failures and what it records.</summary>
public class FfmpegRunTests
{
    [Fact]
    public async Task Run_ReportsProgressFromFfmpeg()
    {
        using var media = new TestMedia();
        var positions = new List<TimeSpan>();
        await FfmpegCommand.From("testsrc2=size=160x120:rate=25:duration=2", i => i.AsLavfi())
            .ToFile(media.PathOf("p.mp4"), o => o.WithH264(EncoderPreset.UltraFast, 30))
            .RunAsync(new ProcessRunOptions { Progress = new SyncProgress(positions) });

        Assert.NotEmpty(positions);
        Assert.InRange(positions.Max().TotalSeconds, 1.5, 2.1);
    }

    [Fact]
    public async Task Run_Failure_ThrowsWithExitCodeStderrAndARedactedCommand()
    {
        var command = FfmpegCommand.From("http://127.0.0.1:9/nothing.mp4?sv=1&sig=TOPSECRET", i => i.WithProtocolWhitelist(["http", "tcp"]))
            .ToFile("/tmp/never.mp4", o => o.CopyStreams());

        var e = await Assert.ThrowsAsync<MediaProcessException>(() => command.RunAsync());

        Assert.NotEqual(0, e.ExitCode);
        Assert.Contains("Connection refused", e.StandardErrorTail);
        Assert.StartsWith("ffmpeg -hide_banner -loglevel error", e.CommandLine);
        Assert.DoesNotContain("TOPSECRET", e.ToString());
    }

    [Fact]
    public async Task Run_FailureOnARecordingWithNotesInItsTags_KeepsTheNotesOutOfTheException()
    {
        using var media = new TestMedia();
        var recording = await media.VideoAsync(seconds: 1, extra: "-metadata comment=Moeder-belt-om-negen");
        // The input opens (and at FFmpeg's default log level would be listed with its tags); then the encoder is unknown.
        var command = FfmpegCommand.From(recording).ToFile(media.PathOf("x.mp4"), o => o.WithCustomArgument("-c:v no_such_encoder"));

        var e = await Assert.ThrowsAsync<MediaProcessException>(() => command.RunAsync());

        Assert.Contains("no_such_encoder", e.StandardErrorTail);
        Assert.DoesNotContain("Moeder", e.ToString());
    }

    [Fact]
    public async Task Run_Timeout_StopsFfmpegAndSaysSo()
    {
        using var media = new TestMedia();
        // An endless generated input: only the time limit can end it.
        var command = FfmpegCommand.From("testsrc2=size=160x120:rate=25", i => i.AsLavfi()).ToFile(media.PathOf("t.mp4"), o => o.WithH264(EncoderPreset.UltraFast, 30));

        var e = await Assert.ThrowsAsync<MediaProcessException>(() => command.RunAsync(new ProcessRunOptions { Timeout = TimeSpan.FromSeconds(1) }));

        Assert.Contains("took longer than 1 s", e.Message);
    }

    [Fact]
    public async Task Run_Cancelled_AsksFfmpegToQuitSoTheOutputIsFinalised()
    {
        using var media = new TestMedia();
        var output = media.PathOf("c.mp4");
        var command = FfmpegCommand.From("testsrc2=size=160x120:rate=25", i => i.AsLavfi()).ToFile(output, o => o.WithH264(EncoderPreset.UltraFast, 30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => command.RunAsync(cancellationToken: cancel.Token));

        // "q" lets FFmpeg write the moov atom: the partial file is a readable video, not garbage.
        var info = await Probing.MediaProbe.ProbeAsync(output);
        Assert.True(info.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task Runs_UseTheConfiguredBinaryFolder_AndRecordTheCommandLinesTheyRan()
    {
        using var media = new TestMedia();
        using var binaries = new LoggingBinaries();
        var recorded = new List<string>();
        var options = new ProcessRunOptions { BinaryFolder = binaries.Folder, CommandLineRan = recorded.Add };

        await FfmpegCommand.From("testsrc2=size=160x120:rate=25:duration=1", i => i.AsLavfi())
            .ToFile(media.PathOf("b.mp4"), o => o.WithH264(EncoderPreset.UltraFast, 30)).RunAsync(options);
        await Probing.MediaProbe.ProbeAsync(media.PathOf("b.mp4"), options);

        var runs = binaries.Runs();
        Assert.Equal(["ffmpeg", "ffprobe"], runs.Select(r => r[0]));
        // The recorded lines are what was run (quotes aside; these paths have no spaces).
        Assert.Equal(runs.Select(r => string.Join(' ', r[1..])), recorded.Select(line => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..].Replace("\"", "", StringComparison.Ordinal)));
        Assert.All(recorded, line => Assert.StartsWith(binaries.Folder, line));
    }

    sealed class SyncProgress(List<TimeSpan> into) : IProgress<TimeSpan>
    {
        public void Report(TimeSpan value) { lock (into) into.Add(value); }
    }
}
