using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace BasicTrust.Media.Sources;

/// <summary>Reads <paramref name="length"/> bytes of the recording from <paramref name="offset"/> (one bounded range request).</summary>
public delegate Task<Stream> RangeReader(long offset, long length, CancellationToken cancellationToken);

/// <summary>
/// Serves one recording to FFmpeg on a loopback URL, fetching it from storage in bounded ranges as FFmpeg reads.
/// FFmpeg asks for open-ended ranges ("bytes=N-") and drops the connection whenever it seeks; against storage
/// directly, everything the server sent ahead is paid for and wasted. Here each storage request is bounded: the
/// first 64 KiB after a seek, growing fourfold to 8 MiB while FFmpeg keeps reading, so a seek or the end of a clip wastes
/// at most that much (with 2 MiB, the cost per storage request made a draft 2.7× a raw copy; with 8 MiB, 1.2×). Storage
/// retries (Azurite's occasional 500 on a range) happen in the reader, and the link FFmpeg sees holds no secret.
/// <para>
/// Every byte fetched is also kept, for the relay's lifetime, in a sparse temporary file at its own offset, and served
/// from there when asked again: each FFmpeg run of a clip (a smart cut's head, middle and tail, a draft's keyframe
/// check and copy) opens the recording anew and reads its whole index (an MP4's <c>moov</c>, which grows with the
/// recording's length), which storage then delivers once per clip instead of once per run. On disk, not in memory, so
/// the process's memory does not grow with the recording.
/// </para>
/// </summary>
public sealed class RangeRelay : IAsyncDisposable
{
    const int FirstChunk = 64 * 1024;
    const int LargestChunk = 8 * 1024 * 1024;
    // A small send buffer: with Linux's autotuning a connection would otherwise push megabytes ahead of what
    // FFmpeg reads, all of it fetched from storage for nothing when FFmpeg drops the connection to seek.
    const int SendBuffer = 64 * 1024;
    /// <summary>The most a relay keeps on disk: a long recording's index and a clip's range, not a whole recording.</summary>
    const long KeepAtMost = 256L * 1024 * 1024;
    static readonly TimeSpan HeaderTimeout = TimeSpan.FromSeconds(10);
    readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    readonly RangeReader _read;
    readonly long _length;
    readonly string _path;
    readonly Task _serving;
    readonly CancellationTokenSource _stop = new();
    readonly SafeFileHandle _kept = OpenKeptFile();
    /// <summary>The ranges of the recording in <see cref="_kept"/>, sorted, apart, half-open; guarded by itself.</summary>
    readonly List<(long Start, long End)> _held = [];
    long _keptBytes;
    /// <summary>False once keeping failed (a full disk): the bytes then only pass through, as without keeping.</summary>
    bool _keeping = true;
    long _bytes;

    RangeRelay(long length, RangeReader read, string fileName)
    {
        (_length, _read) = (length, read);
        // A random path: another local process cannot guess the link.
        _path = $"/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}/{Uri.EscapeDataString(fileName)}";
        _listener.SendBufferSize = SendBuffer;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}{_path}";
        _serving = Task.Run(AcceptAsync);
    }

    /// <summary>The loopback URL to give FFmpeg.</summary>
    public string Url { get; }

    /// <summary>Bytes requested from storage so far.</summary>
    public long BytesFetched => Interlocked.Read(ref _bytes);

    /// <summary>Starts serving a recording of <paramref name="length"/> bytes (its file name keeps FFmpeg's format guess honest).</summary>
    public static RangeRelay Start(long length, RangeReader read, string fileName = "recording.mp4") => new(length, read, fileName);

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException) { return; }
            client.SendBufferSize = SendBuffer;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    /// <summary>One HTTP/1.1 request per connection (FFmpeg's default), answered and closed.</summary>
    async Task ServeAsync(Socket client)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(HeaderTimeout);
            var request = await ReadHeadAsync(stream, timeout.Token).ConfigureAwait(false);
            var lines = request.Split("\r\n");
            var parts = lines[0].Split(' ');
            var range = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))?[6..].Trim();
            if (parts.Length != 3 || parts[1] != _path) { await RespondAsync(stream, "404 Not Found", []).ConfigureAwait(false); return; }
            if (parts[0] is not ("GET" or "HEAD")) { await RespondAsync(stream, "405 Method Not Allowed", []).ConfigureAwait(false); return; }
            if (!TryRange(range, out var start, out var end))
            {
                await RespondAsync(stream, "416 Range Not Satisfiable", [$"Content-Range: bytes */{_length}"]).ConfigureAwait(false);
                return;
            }
            await RespondAsync(stream, range is null ? "200 OK" : "206 Partial Content",
                ["Accept-Ranges: bytes", "Content-Type: application/octet-stream", $"Content-Length: {end - start + 1}",
                 .. range is null ? Array.Empty<string>() : [$"Content-Range: bytes {start}-{end}/{_length}"]]).ConfigureAwait(false);
            if (parts[0] == "HEAD") return;

            await StreamAsync(stream, start, end).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
        {
            // FFmpeg closed the connection to seek elsewhere, sent something that is not HTTP, or the relay is stopping.
        }
    }

    /// <summary>
    /// Copies bytes start..end in growing chunks. Once chunks are full size (FFmpeg is reading a clip, not probing),
    /// the next chunk is requested while the current one is copied, so storage latency is not paid per request.
    /// </summary>
    async Task StreamAsync(Stream stream, long start, long end)
    {
        var (position, size) = (start, FirstChunk);
        Task<Stream>? pending = Fetch(position, Math.Min(size, end + 1 - position));
        Task<Stream>? following = null;
        try
        {
            while (pending is not null)
            {
                var next = position + Math.Min(size, end + 1 - position);
                var nextSize = Math.Min(size * 4, LargestChunk);
                if (next <= end && size == LargestChunk) following = Fetch(next, Math.Min(nextSize, end + 1 - next));
                await using (var body = await pending.ConfigureAwait(false))
                    await body.CopyToAsync(stream, 64 * 1024, _stop.Token).ConfigureAwait(false);
                (position, size) = (next, nextSize);
                pending = following ?? (position <= end ? Fetch(position, Math.Min(size, end + 1 - position)) : null);
                following = null;
            }
        }
        finally
        {
            // FFmpeg may leave mid-chunk: close whatever is still being fetched.
            foreach (var task in new[] { pending, following })
                if (task is not null)
                    try { await (await task.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false); }
                    catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Http.HttpRequestException) { }
        }
    }

    /// <summary>Bytes position..position+count: what is kept from the start of the range, and the rest from storage.</summary>
    Task<Stream> Fetch(long position, long count)
    {
        var kept = Held(position, count);
        if (kept == count) return Task.FromResult<Stream>(new Chunk(this, position, kept, null));
        Interlocked.Add(ref _bytes, count - kept);
        return FetchRestAsync(position, kept, count);
    }

    async Task<Stream> FetchRestAsync(long position, long kept, long count) =>
        new Chunk(this, position, kept, await _read(position + kept, count - kept, _stop.Token).ConfigureAwait(false));

    /// <summary>
    /// The file the fetched bytes are kept in: readable by this process's user only, and (where the system allows it)
    /// removed from its folder at once, so fragments of a recording are not left behind when the process is killed.
    /// </summary>
    static SafeFileHandle OpenKeptFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"relay-{Guid.NewGuid():N}");
        if (OperatingSystem.IsWindows()) return File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Delete(path);
        return file;
    }

    /// <summary>How many bytes from <paramref name="position"/> on (at most <paramref name="count"/>) are kept.</summary>
    long Held(long position, long count)
    {
        lock (_held)
            foreach (var (start, end) in _held)
                if (start <= position && position < end) return Math.Min(count, end - position);
        return 0;
    }

    /// <summary>Keeps bytes fetched from storage at their offset, and joins their range to the ones held.</summary>
    void Keep(ReadOnlySpan<byte> bytes, long position)
    {
        lock (_held)
        {
            // A preview reads the whole recording: beyond this the bytes pass through without being kept.
            if (bytes.IsEmpty || !_keeping || _keptBytes + bytes.Length > KeepAtMost) return;
            try { RandomAccess.Write(_kept, bytes, position); }
            catch (IOException) { _keeping = false; return; }
            _keptBytes += bytes.Length;
            var (start, end) = (position, position + bytes.Length);
            var touching = _held.Where(r => r.End >= start && r.Start <= end).ToList();
            foreach (var range in touching)
            {
                (start, end) = (Math.Min(start, range.Start), Math.Max(end, range.End));
                _held.Remove(range);
            }
            var at = _held.FindIndex(r => r.Start > start);
            _held.Insert(at < 0 ? _held.Count : at, (start, end));
        }
    }

    /// <summary>One chunk as FFmpeg gets it: first the bytes kept from earlier reads, then storage's, kept as they pass.</summary>
    sealed class Chunk(RangeRelay relay, long position, long kept, Stream? storage) : Stream
    {
        long _at = position;
        readonly long _keptEnd = position + kept;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_at < _keptEnd)
            {
                var fromDisk = RandomAccess.Read(relay._kept, buffer.Span[..(int)Math.Min(buffer.Length, _keptEnd - _at)], _at);
                _at += fromDisk;
                return fromDisk;
            }
            if (storage is null) return 0;
            var read = await storage.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            relay.Keep(buffer.Span[..read], _at);
            _at += read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask DisposeAsync()
        {
            if (storage is not null) await storage.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) storage?.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0) return text[..end];
        }
        throw new InvalidDataException("Not an HTTP request.");
    }

    static Task RespondAsync(Stream stream, string status, IEnumerable<string> headers) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}Connection: close\r\n\r\n")).AsTask();

    /// <summary>A single "bytes=a-b" or "bytes=a-" range (FFmpeg sends no other kind), clamped to the recording; the whole file when absent.</summary>
    bool TryRange(string? header, out long start, out long end)
    {
        (start, end) = (0, _length - 1);
        if (header is null) return _length > 0;
        if (!header.StartsWith("bytes=", StringComparison.Ordinal) || header[6..].Split('-') is not [var from, var to]) return false;
        if (!long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start >= _length) return false;
        if (to.Length > 0 && (!long.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start)) return false;
        end = Math.Min(end, _length - 1);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _serving.ConfigureAwait(false);
        _stop.Dispose();
        lock (_held) _kept.Dispose();
    }
}
