using BasicTrust.Media.Probing;

namespace BasicTrust.Media.Tests;

public class MediaProbeTests
{
    [Fact]
    public async Task Probe_H264WithAudio_ReadsStreamsAndDuration()
    {
        using var media = new TestMedia();
        var info = await MediaProbe.ProbeAsync(await media.VideoAsync(seconds: 2));

        Assert.Contains("mp4", info.FormatName);
        Assert.InRange(info.Duration.TotalSeconds, 1.9, 2.2);
        Assert.Equal(("h264", 320, 240, "yuv420p"), (info.Video.Codec, info.Video.Width, info.Video.Height, info.Video.PixelFormat));
        Assert.Equal(25, info.Video.AverageFrameRate, 1);
        Assert.False(info.Video.IsVariableFrameRate);
        Assert.Equal(0, info.Video.Rotation);
        Assert.Equal(("aac", 2), (info.Audio!.Codec, info.Audio.Channels is 1 or 2 ? 2 : info.Audio.Channels));
    }

    [Fact]
    public async Task Probe_NoAudio_HasNoAudioStream()
    {
        using var media = new TestMedia();
        Assert.Null((await MediaProbe.ProbeAsync(await media.VideoAsync(audio: false))).Audio);
    }

    [Fact]
    public async Task Probe_RotatedPhoneVideo_ReportsRotationAndPortraitDisplaySize()
    {
        using var media = new TestMedia();
        var source = await media.VideoAsync();
        // Phones store rotation as a display matrix; a stream copy with the rotate tag writes one (FFmpeg 5.1).
        var rotated = await TestMedia.RotateAsync(source, media.PathOf("rotated.mp4"));

        var info = await MediaProbe.ProbeAsync(rotated);
        Assert.Equal(90, info.Video.Rotation);
        Assert.Equal((240, 320), info.Video.DisplaySize);
    }

    [Fact]
    public void Parse_NegativeRotation_NormalisesToAQuarterTurn()
    {
        const string json = """{"streams":[{"codec_type":"video","codec_name":"hevc","width":1920,"height":1080,"side_data_list":[{"side_data_type":"Display Matrix","rotation":-90}]}],"format":{"format_name":"mov","duration":"0:00:01.000000"}}""";
        Assert.Equal(270, MediaProbe.Parse(json).Video.Rotation);
    }

    [Fact]
    public async Task Probe_TextFileNamedMp4_IsNotAVideoFile()
    {
        using var media = new TestMedia();
        var path = media.PathOf("fake.mp4");
        await File.WriteAllTextAsync(path, "this is not a video");
        var e = await Assert.ThrowsAsync<UnsupportedMediaException>(() => MediaProbe.ProbeAsync(path));
        Assert.Contains("not a video file", e.Message);
    }

    [Fact]
    public async Task Probe_ZeroByteFile_IsNotAVideoFile()
    {
        using var media = new TestMedia();
        var path = media.PathOf("empty.mp4");
        await File.WriteAllBytesAsync(path, []);
        await Assert.ThrowsAsync<UnsupportedMediaException>(() => MediaProbe.ProbeAsync(path));
    }

    [Fact]
    public void Parse_AudioOnly_SaysThereIsNoVideo()
    {
        const string json = """{"streams":[{"codec_type":"audio","codec_name":"aac","channels":1}],"format":{"format_name":"mov,mp4","duration":"0:00:03.000000"}}""";
        Assert.Contains("no video stream", Assert.Throws<UnsupportedMediaException>(() => MediaProbe.Parse(json)).Message);
    }

    [Fact]
    public void Parse_SexagesimalDuration_IsRead()
    {
        // FFMpegCore runs ffprobe with -sexagesimal.
        const string json = """{"streams":[{"codec_type":"video","codec_name":"h264","width":320,"height":240,"avg_frame_rate":"25/1","r_frame_rate":"25/1"}],"format":{"format_name":"mov","duration":"1:02:03.500000"}}""";
        Assert.Equal(TimeSpan.FromSeconds(3723.5), MediaProbe.Parse(json).Duration);
    }

    [Fact]
    public void Parse_VariableFrameRate_IsDetected()
    {
        const string json = """{"streams":[{"codec_type":"video","codec_name":"h264","width":1920,"height":1080,"avg_frame_rate":"243/10","r_frame_rate":"30/1"}],"format":{"format_name":"mov","duration":"0:00:10.000000"}}""";
        Assert.True(MediaProbe.Parse(json).Video.IsVariableFrameRate);
    }
}
