using BasicTrust.Media.Ffmpeg;

namespace BasicTrust.Media.Tests;

public class ProcessRunnerTests
{
    [Fact]
    public async Task Run_ReportsProgressFromFfmpeg()
    {
        using var media = new TestMedia();
        var positions = new List<TimeSpan>();
        var args = new FfmpegArguments().ProgressToStdout()
            .Input("testsrc2=size=160x120:rate=25:duration=2", i => i.Lavfi())
            .Output(media.PathOf("p.mp4"), o => o.H264("ultrafast", 30)).Build();

        await ProcessRunner.RunAsync("ffmpeg", args, new ProcessRunOptions { Progress = new SyncProgress(positions) });

        Assert.NotEmpty(positions);
        Assert.InRange(positions.Max().TotalSeconds, 1.5, 2.1);
    }

    [Fact]
    public async Task Run_Failure_ThrowsWithExitCodeStderrAndARedactedCommand()
    {
        var args = new FfmpegArguments().Input("http://127.0.0.1:9/nothing.mp4?sv=1&sig=TOPSECRET", i => i.ProtocolWhitelist("http", "tcp"))
            .Output("/tmp/never.mp4").Build();

        var e = await Assert.ThrowsAsync<MediaProcessException>(() => ProcessRunner.RunAsync("ffmpeg", args));

        Assert.NotEqual(0, e.ExitCode);
        Assert.NotEmpty(e.StandardErrorTail);
        Assert.StartsWith("ffmpeg -hide_banner", e.CommandLine);
        Assert.DoesNotContain("TOPSECRET", e.Message);
    }

    [Fact]
    public async Task Run_Timeout_StopsFfmpegAndSaysSo()
    {
        using var media = new TestMedia();
        // An endless generated input: only the timeout can end it.
        var args = new FfmpegArguments().Input("testsrc2=size=160x120:rate=25", i => i.Lavfi()).Output(media.PathOf("t.mp4"), o => o.H264("ultrafast", 30)).Build();

        var e = await Assert.ThrowsAsync<MediaProcessException>(() =>
            ProcessRunner.RunAsync("ffmpeg", args, new ProcessRunOptions { Timeout = TimeSpan.FromSeconds(1), GracePeriod = TimeSpan.FromSeconds(5) }));

        Assert.Contains("took longer than 1 s", e.Message);
    }

    [Fact]
    public async Task Run_Cancelled_AsksFfmpegToQuitSoTheOutputIsFinalised()
    {
        using var media = new TestMedia();
        var output = media.PathOf("c.mp4");
        var args = new FfmpegArguments().Input("testsrc2=size=160x120:rate=25", i => i.Lavfi()).Output(output, o => o.H264("ultrafast", 30)).Build();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync("ffmpeg", args, cancellationToken: cancel.Token));

        // "q" lets FFmpeg write the moov atom: the partial file is a readable video, not garbage.
        var info = await Probing.MediaProbe.ProbeAsync(output);
        Assert.True(info.Duration > TimeSpan.Zero);
    }

    sealed class SyncProgress(List<TimeSpan> into) : IProgress<TimeSpan>
    {
        public void Report(TimeSpan value) { lock (into) into.Add(value); }
    }
}
