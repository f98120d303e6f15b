using System.Net.Http.Headers;
using System.Text;

namespace BasicTrust.Media.Sources;

/// <summary>
/// Reads the first bytes of a refused input to say what it is: FFmpeg says only "invalid data" (over HTTP) or names
/// the demuxer it refused (locally), so this one check serves files and URLs alike.
/// </summary>
static class Sniffing
{
    const int Length = 32;
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>True when the input starts like a playlist (<c>#EXTM3U</c>, <c>ffconcat</c>); false when it does not or cannot be read.</summary>
    public static async Task<bool> IsPlaylistAsync(string location, CancellationToken cancellationToken)
    {
        var head = Encoding.UTF8.GetString(await HeadAsync(location, cancellationToken).ConfigureAwait(false)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("#EXTM3U", StringComparison.Ordinal) || head.StartsWith("ffconcat", StringComparison.Ordinal);
    }

    static async Task<byte[]> HeadAsync(string location, CancellationToken cancellationToken)
    {
        try
        {
            if (!MediaSource.Protocols(location).Contains("http"))
            {
                await using var file = File.OpenRead(location);
                var buffer = new byte[Length];
                return buffer[..await file.ReadAtLeastAsync(buffer, Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)];
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, location);
            request.Headers.Range = new RangeHeaderValue(0, Length - 1);
            using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false) : [];
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or TaskCanceledException)
        {
            return [];
        }
    }
}
