namespace BasicTrust.Media.Ffmpeg;

/// <summary>Options that apply to the next input (they go before its <c>-i</c>).</summary>
public sealed class InputOptions
{
    internal List<string> Arguments { get; } = [];

    /// <summary>Seek before opening: fast, and with re-encoding still frame-accurate (FFmpeg decodes from the previous keyframe and drops frames before the point).</summary>
    public InputOptions Seek(TimeSpan position) => Add("-ss", FfmpegArguments.Time(position));

    /// <summary>Read at most this much of the input.</summary>
    public InputOptions Duration(TimeSpan duration) => Add("-t", FfmpegArguments.Time(duration));

    /// <summary>Force the demuxer found by the probe, so a file cannot switch formats between probe and run.</summary>
    public InputOptions Format(string demuxer) => Add("-f", demuxer);

    /// <summary>Only these protocols may be opened (e.g. <c>file</c>, or <c>http,https,tcp,tls</c> for a SAS URL): a crafted file cannot make FFmpeg fetch anything else.</summary>
    public InputOptions ProtocolWhitelist(params string[] protocols) => Add("-protocol_whitelist", string.Join(',', protocols));

    /// <summary>
    /// Reconnect on dropped or failed HTTP reads: Azurite occasionally answers a range with 500.
    /// https://ffmpeg.org/ffmpeg-protocols.html#http
    /// </summary>
    public InputOptions Reconnect() => Add("-reconnect", "1", "-reconnect_on_network_error", "1", "-reconnect_on_http_error", "5xx", "-reconnect_delay_max", "4");

    /// <summary>
    /// A small TCP receive buffer for network inputs. FFmpeg drops the connection whenever it seeks; everything the
    /// kernel buffered ahead of it (megabytes, with Linux's autotuning) was fetched for nothing.
    /// </summary>
    public InputOptions ReceiveBuffer(int bytes) => Add("-recv_buffer_size", bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A generated input (lavfi), for test media.</summary>
    public InputOptions Lavfi() => Add("-f", "lavfi");

    /// <summary>A raw input option, for flags without a method yet.</summary>
    public InputOptions Custom(params string[] items) => Add(items);

    InputOptions Add(params string[] items)
    {
        Arguments.AddRange(items);
        return this;
    }
}
