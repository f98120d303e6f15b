using System.Diagnostics;
using System.Net.Sockets;

namespace BasicTrust.Web.Tests.Support;

/// <summary>
/// The real Static Web Apps CLI (tools/swa, pinned) serving web/ and proxying /api to the DevHost, as
/// <c>./run.sh serve</c> starts it: <c>--api-devserver-url</c>, never <c>--api-location</c>.
/// </summary>
public sealed class StaticWebAppsCli : IAsyncDisposable
{
    readonly Process _process;
    readonly LogLines _output = new();

    StaticWebAppsCli(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The site's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    /// <summary>The CLI's last lines of output, for a failing test.</summary>
    public string Output => _output.Last();

    public static async Task<StaticWebAppsCli> StartAsync(string webFolder, Uri api, CancellationToken cancellationToken = default)
    {
        var swa = Path.Combine(Repository.Root, "tools", "swa", "node_modules", ".bin", "swa");
        if (!File.Exists(swa)) throw new InvalidOperationException($"{swa} is missing: run the tests with ./test.sh, which installs the Static Web Apps CLI.");
        var port = FreePort();
        var start = new ProcessStartInfo(swa) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var a in (string[])["start", webFolder, "--api-devserver-url", api.GetLeftPart(UriPartial.Authority), "--host", "127.0.0.1", "--port", port.ToString()])
            start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The Static Web Apps CLI did not start.");
        var cli = new StaticWebAppsCli(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => cli._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => cli._output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (!await ListensAsync(port))
        {
            if (process.HasExited || timeout.IsCancellationRequested)
            {
                await cli.DisposeAsync();
                throw new InvalidOperationException($"The Static Web Apps CLI did not start listening on {port}:\n{cli.Output}");
            }
            await Task.Delay(200, CancellationToken.None);
        }
        return cli;
    }

    static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try { await client.ConnectAsync("127.0.0.1", port); return true; }
        catch (SocketException) { return false; }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // swa runs as node with its own children (the API proxy's watcher): stop the whole tree.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
