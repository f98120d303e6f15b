using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>A span as an OTLP receiver gets it: ids in hex, its name, its instrumentation scope and its attributes as text.</summary>
public sealed record ReceivedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, string Scope, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// A tiny OTLP/HTTP receiver (<c>POST /v1/traces</c>, protobuf) the worker exports to, so a test reads the spans the
/// worker really sent. Decodes only what the tests look at: spans, their scope, their attributes and the resource's.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    readonly HttpListener _listener = new();
    readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    readonly ConcurrentQueue<string> _resourceValues = new();
    readonly Task _loop;

    public OtlpReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>What <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set to.</summary>
    public string Endpoint { get; }
    public IReadOnlyCollection<ReceivedSpan> Spans => _spans;
    /// <summary>Every attribute value of every resource that sent spans.</summary>
    public IReadOnlyCollection<string> ResourceValues => _resourceValues;

    async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            try
            {
                using var body = new MemoryStream();
                var input = context.Request.Headers["Content-Encoding"] == "gzip" ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress) : context.Request.InputStream;
                await input.CopyToAsync(body);
                if (context.Request.Url!.AbsolutePath == "/v1/traces") ReadTraces(body.ToArray());
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
            }
            catch (Exception) { context.Response.StatusCode = 400; }
            context.Response.Close();
        }
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    void ReadTraces(byte[] request)
    {
        foreach (var (field, resourceSpans) in Protobuf.Fields(request))
        {
            if (field != 1) continue;
            foreach (var (f, value) in Protobuf.Fields(resourceSpans))
            {
                if (f == 1) // Resource { repeated KeyValue attributes = 1; }
                    foreach (var (a, kv) in Protobuf.Fields(value)) { if (a == 1) _resourceValues.Enqueue(KeyValue(kv).Value); }
                if (f == 2) ReadScopeSpans(value);
            }
        }
    }

    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
    void ReadScopeSpans(byte[] scopeSpans)
    {
        var scope = "";
        var spans = new List<byte[]>();
        foreach (var (f, value) in Protobuf.Fields(scopeSpans))
        {
            if (f == 1) scope = Protobuf.Fields(value).Where(x => x.Field == 1).Select(x => Encoding.UTF8.GetString(x.Value)).FirstOrDefault() ?? "";
            if (f == 2) spans.Add(value);
        }
        foreach (var span in spans) _spans.Enqueue(ReadSpan(span, scope));
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; repeated KeyValue attributes = 9; }
    static ReceivedSpan ReadSpan(byte[] span, string scope)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var attributes = new Dictionary<string, string>();
        foreach (var (f, value) in Protobuf.Fields(span))
        {
            switch (f)
            {
                case 1: traceId = Convert.ToHexStringLower(value); break;
                case 2: spanId = Convert.ToHexStringLower(value); break;
                case 4: parent = Convert.ToHexStringLower(value); break;
                case 5: name = Encoding.UTF8.GetString(value); break;
                case 9: var (key, text) = KeyValue(value); attributes[key] = text; break;
            }
        }
        return new ReceivedSpan(traceId, spanId, parent, name, scope, attributes);
    }

    // KeyValue { string key = 1; AnyValue value = 2; }, AnyValue's scalars as text (string 1, bool 2, int 3, double 4).
    static (string Key, string Value) KeyValue(byte[] keyValue)
    {
        var (key, text) = ("", "");
        foreach (var (f, value) in Protobuf.Fields(keyValue))
        {
            if (f == 1) key = Encoding.UTF8.GetString(value);
            if (f == 2)
                foreach (var (v, raw) in Protobuf.Fields(value))
                    text = v switch
                    {
                        1 => Encoding.UTF8.GetString(raw),
                        2 or 3 => Protobuf.Varint(raw).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        4 => BitConverter.ToDouble(raw).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => Encoding.UTF8.GetString(raw),
                    };
        }
        return (key, text);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    /// <summary>Protocol buffers' wire format, just enough to walk fields: varints and fixed values come back as their bytes.</summary>
    static class Protobuf
    {
        public static IEnumerable<(int Field, byte[] Value)> Fields(byte[] message)
        {
            var at = 0;
            while (at < message.Length)
            {
                var tag = ReadVarint(message, ref at);
                var (field, wire) = ((int)(tag >> 3), (int)(tag & 7));
                byte[] value;
                switch (wire)
                {
                    case 0: var start = at; ReadVarint(message, ref at); value = message[start..at]; break;
                    case 1: value = message[at..(at + 8)]; at += 8; break;
                    case 2: var length = (int)ReadVarint(message, ref at); value = message[at..(at + length)]; at += length; break;
                    case 5: value = message[at..(at + 4)]; at += 4; break;
                    default: throw new InvalidDataException($"wire type {wire}");
                }
                yield return (field, value);
            }
        }

        public static ulong Varint(byte[] bytes)
        {
            var at = 0;
            return ReadVarint(bytes, ref at);
        }

        static ulong ReadVarint(byte[] bytes, ref int at)
        {
            ulong result = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[at++];
                result |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80) return result;
            }
        }
    }
}
