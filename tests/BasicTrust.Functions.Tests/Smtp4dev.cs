using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace BasicTrust.Testing;

/// <summary>One mail the development mail server received, read from its REST API.</summary>
public sealed record ReceivedMail(string Id, IReadOnlyList<string> To, string Subject);

/// <summary>
/// A real development mail server for the tests: smtp4dev (pinned in tools/smtp4dev, installed by
/// scripts/provision.sh) on free loopback ports, its messages in memory, read through its REST API
/// (<c>GET /api/messages</c>). It can be stopped and started again on the same ports, to play a mail server that is down.
/// </summary>
public sealed class Smtp4dev : IAsyncDisposable
{
    readonly string _data = Directory.CreateTempSubdirectory("bt-smtp4dev-").FullName;
    readonly HttpClient _http;
    Process? _process;

    public int SmtpPort { get; } = FreePort();
    public int WebPort { get; } = FreePort();
    public Uri WebAddress => new($"http://127.0.0.1:{WebPort}/");

    public Smtp4dev() => _http = new HttpClient { BaseAddress = WebAddress };

    public static async Task<Smtp4dev> StartNewAsync()
    {
        var server = new Smtp4dev();
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server and waits until its API answers (and so its SMTP port listens).</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Repository.Root, "tools", "smtp4dev"),
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{WebPort}", $"--smtpport={SmtpPort}", "--bindaddress=127.0.0.1",
            "--imapport=0", "--pop3port=0", "--db=", "--nousersettings", "--hostname=localhost", $"--baseappdatapath={_data}",
        }) start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"smtp4dev exited with {_process.ExitCode}: is it installed (dotnet tool restore in tools/smtp4dev)?");
            try
            {
                using var response = await _http.GetAsync("api/messages");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException("smtp4dev did not start within 90 s.");
            await Task.Delay(250);
        }
    }

    /// <summary>Stops the server and waits until it has exited: its SMTP port refuses connections.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received since the server started, newest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        var page = JsonNode.Parse(await _http.GetStringAsync("api/messages?pageSize=500"))!;
        return [.. page["results"]!.AsArray().Select(m => new ReceivedMail((string)m!["id"]!, [.. m["to"]!.AsArray().Select(t => (string)t!)], (string)m["subject"]!))];
    }

    /// <summary>A message's plain-text body.</summary>
    public Task<string> PlainTextAsync(string id) => _http.GetStringAsync($"api/messages/{id}/plaintext");

    /// <summary>A message as smtp4dev describes it (JSON: its headers, parts, recipients), with its plain-text body after it.</summary>
    public async Task<string> SourceAsync(string id) =>
        await _http.GetStringAsync($"api/messages/{id}") + "\n" + await PlainTextAsync(id);

    /// <summary>Waits until a message to <paramref name="to"/> whose subject contains <paramref name="subject"/> has arrived.</summary>
    public async Task<ReceivedMail> WaitForAsync(string to, string subject, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<ReceivedMail> seen = [];
        while (clock.Elapsed < timeout)
        {
            seen = await MessagesAsync();
            if (seen.FirstOrDefault(m => m.To.Any(t => t.Contains(to, StringComparison.OrdinalIgnoreCase)) && m.Subject.Contains(subject, StringComparison.Ordinal)) is { } found)
                return found;
            await Task.Delay(250);
        }
        throw new TimeoutException($"No mail to {to} about '{subject}' arrived; smtp4dev holds: {string.Join("; ", seen.Select(m => $"{string.Join(',', m.To)}: {m.Subject}"))}");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
