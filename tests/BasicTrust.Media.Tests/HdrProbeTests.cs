using BasicTrust.Media.Hdr;
using BasicTrust.Media.Probing;

namespace BasicTrust.Media.Tests;

/// <summary>Probing tells an HDR recording (HLG, PQ, Dolby Vision) from an SDR one.</summary>
public class HdrProbeTests
{
    [Theory]
    [InlineData(HdrTransfer.Hlg)]
    [InlineData(HdrTransfer.Pq)]
    public async Task Probe_PhoneHdrRecording_IsHdrWithItsTransferColoursAndDepth(HdrTransfer transfer)
    {
        using var media = new TestMedia();
        var info = await MediaProbe.ProbeAsync(await HdrMedia.VideoAsync(media, transfer));

        Assert.Equal(new HdrInfo(transfer, "bt2020", "bt2020nc", 10), info.Video.Hdr);
    }

    [Fact]
    public async Task Probe_SdrRecording_IsNotHdr()
    {
        using var media = new TestMedia();
        Assert.Null((await MediaProbe.ProbeAsync(await media.VideoAsync(audio: false))).Video.Hdr);
    }

    [Fact]
    public void Parse_IphoneDolbyVision_IsHlgWithProfile84()
    {
        const string json = """
            {"streams":[{"codec_type":"video","codec_name":"hevc","width":1920,"height":1080,"pix_fmt":"yuv420p10le","color_transfer":"arib-std-b67",
             "color_primaries":"bt2020","color_space":"bt2020nc","side_data_list":[{"side_data_type":"DOVI configuration record","dv_version_major":1,
             "dv_version_minor":0,"dv_profile":8,"dv_level":5,"rpu_present_flag":1,"el_present_flag":0,"bl_present_flag":1,"dv_bl_signal_compatibility_id":4}]}],
             "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"0:00:01.000000"}}
            """;
        var hdr = MediaProbe.Parse(json).Video.Hdr!;
        Assert.Equal((HdrTransfer.Hlg, "8.4", 10), (hdr.Transfer, hdr.DolbyVision?.ToString(), hdr.BitDepth));
    }

    [Fact]
    public void Parse_DolbyVisionWithoutHdrTags_IsTakenForPq()
    {
        const string json = """
            {"streams":[{"codec_type":"video","codec_name":"hevc","width":1920,"height":1080,"pix_fmt":"yuv420p10le",
             "side_data_list":[{"side_data_type":"DOVI configuration record","dv_profile":5,"dv_bl_signal_compatibility_id":0}]}],
             "format":{"format_name":"mov","duration":"0:00:01.000000"}}
            """;
        Assert.Equal(new HdrInfo(HdrTransfer.Pq, null, null, 10, new DolbyVision(5, 0)), MediaProbe.Parse(json).Video.Hdr);
    }

    [Theory]
    [InlineData("bt709", "yuv420p")]
    [InlineData("bt2020-10", "yuv420p10le")] // wide colours without HDR light: not HDR
    [InlineData(null, "yuv420p10le")]
    public void Parse_OtherTransfers_AreNotHdr(string? transfer, string pixels)
    {
        var tag = transfer is null ? "" : $",\"color_transfer\":\"{transfer}\"";
        var json = "{\"streams\":[{\"codec_type\":\"video\",\"codec_name\":\"hevc\",\"width\":320,\"height\":240,\"pix_fmt\":\"" + pixels + "\"" + tag +
            "}],\"format\":{\"format_name\":\"mov\",\"duration\":\"0:00:01.000000\"}}";
        Assert.Null(MediaProbe.Parse(json).Video.Hdr);
    }
}
