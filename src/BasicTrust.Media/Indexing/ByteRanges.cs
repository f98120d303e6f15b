using System.Net.Http.Headers;

namespace BasicTrust.Media.Indexing;

/// <summary>
/// Reads byte ranges of a recording, a local file or an HTTP(S) link (the loopback relay or a read SAS), so the
/// container's index can be read without FFmpeg reading the rest.
/// </summary>
sealed class ByteRanges : IDisposable
{
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(2) };
    readonly string _location;
    readonly FileStream? _file;

    ByteRanges(string location, FileStream? file, long length) => (_location, _file, Length) = (location, file, length);

    /// <summary>The recording's size in bytes.</summary>
    public long Length { get; }

    /// <summary>Opens a file, or asks an HTTP(S) link for its length.</summary>
    public static async Task<ByteRanges> OpenAsync(string location, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            var file = File.OpenRead(location);
            return new ByteRanges(location, file, file.Length);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, uri) { Headers = { Range = new RangeHeaderValue(0, 0) } };
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var length = response.Content.Headers.ContentRange?.Length ?? response.Content.Headers.ContentLength
            ?? throw new InvalidDataException("The recording's size is unknown.");
        return new ByteRanges(location, null, length);
    }

    /// <summary>Up to <paramref name="count"/> bytes from <paramref name="offset"/> (fewer at the end of the recording).</summary>
    public async Task<byte[]> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        count = (int)Math.Max(0, Math.Min(count, Length - offset));
        var buffer = new byte[count];
        if (count == 0) return buffer;
        if (_file is not null)
        {
            await RandomAccess.ReadAsync(_file.SafeFileHandle, buffer, offset, cancellationToken).ConfigureAwait(false);
            return buffer;
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, _location) { Headers = { Range = new RangeHeaderValue(offset, offset + count - 1) } };
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await body.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer;
    }

    public void Dispose() => _file?.Dispose();
}
