using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The bad-input catalogue through the real stack, and a bounded fuzz run: nothing a client sends gets a 5xx.</summary>
[Collection("pipeline")]
public class BadInputTests(PipelineFixture stack, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(BadInputCatalogue.RecordingNames), MemberType = typeof(BadInputCatalogue))]
    public async Task Recording_IsRefusedNamingTheRule(string name)
    {
        var bad = BadInputCatalogue.Recordings.Single(r => r.Name == name);
        var caseId = $"bad-{Guid.NewGuid():N}"[..20];
        var file = Path.Combine(stack.Folder, $"{caseId}.mp4");
        await File.WriteAllBytesAsync(file, bad.Make(await File.ReadAllBytesAsync(stack.Recording)));

        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")), file);

        var status = await stack.WaitForStateAsync(caseId, "s-1", "failed");
        var error = Assert.Single(status["errors"]!.AsArray())!;
        Assert.Equal(("recording", bad.Rule), ((string)error["path"]!, (string)error["rule"]!));
        Assert.Contains(bad.MessagePart, (string)error["message"]!);
        Assert.DoesNotContain("sig=", status.ToJsonString());
        // The editor's preview gives the same reason as the status.
        Assert.Contains(bad.MessagePart, (string)(await stack.WaitForPreviewAsync(caseId, "failed"))["reason"]!);
    }

    [Theory]
    [MemberData(nameof(BadInputCatalogue.RequestNames), MemberType = typeof(BadInputCatalogue))]
    public async Task Request_GetsItsRefusal(string name)
    {
        var bad = BadInputCatalogue.Requests.Single(r => r.Name == name);
        await stack.CreateCaseAsync("bad-input");
        using var api = stack.Api();
        using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path);
        if (bad.Body is not null)
        {
            request.Content = new ByteArrayContent(bad.Body);
            request.Content.Headers.ContentType = bad.ContentType is null ? null : new MediaTypeHeaderValue(bad.ContentType);
        }

        using var response = await api.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(bad.Status == (int)response.StatusCode, $"{(int)response.StatusCode}: {text}");
        if (bad.Field is null) return;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(bad.Field, JsonNode.Parse(text)!["errors"]!.AsArray().Select(e => (string?)e!["path"]));
    }

    [Fact]
    public async Task ChunkedManifest_LargerThanAllowed_Is413()
    {
        // A raw connection: the API may answer before the 40 MB are sent and then close it, which an HttpClient reports
        // as a failed write rather than the answer. Here the answer is read while the body is still being written.
        await stack.CreateCaseAsync("bad-input");
        var api = stack.Host.ApiBaseAddress!;
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(api.Host, api.Port);
        var stream = client.GetStream();
        var head = $"PUT {api.AbsolutePath}sessions/bad-input/s-1/manifest HTTP/1.1\r\nHost: {api.Authority}\r\nAuthorization: Bearer {stack.Host.DevelopmentToken(People.TherapistA)}\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var answer = new StreamReader(stream, Encoding.ASCII).ReadLineAsync();

        var chunk = Encoding.ASCII.GetBytes($"{1024 * 1024:x}\r\n" + new string(' ', 1024 * 1024) + "\r\n");
        try
        {
            for (var sent = 0; sent < 40 && !answer.IsCompleted; sent++) await stream.WriteAsync(chunk);
            if (!answer.IsCompleted) await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The API stopped reading: expected once it has answered.
        }

        Assert.StartsWith("HTTP/1.1 413", await answer);
    }

    /// <summary>A few thousand malformed requests (paths, methods, headers, bodies), seeded so a failure can be replayed.</summary>
    [Fact]
    public async Task MalformedRequests_NeverGetAServerError()
    {
        const int seed = 20261130, count = 2000;
        var random = new Random(seed);
        var requests = Enumerable.Range(0, count).Select(_ => Fuzz.Request(random, stack.Host.ApiBaseAddress!)).ToList();
        using var api = stack.Api();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (make, ct) =>
        {
            using var request = make();
            var described = $"{request.Method} {request.RequestUri}";
            using var response = await api.SendAsync(request, ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {described}");
        });

        output.WriteLine($"{count} requests (seed {seed}): " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
    }
}
