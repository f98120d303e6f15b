using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BasicTrust.Testing;

/// <summary>
/// An Azurite a test owns, so it can kill it and start it again on the same ports and data folder (the shared one
/// ./test.sh starts must stay up). Runs tools/azurite (installed by scripts/provision.sh) on free loopback ports;
/// dispose stops it and deletes its data. Also compiled into BasicTrust.Faults.Tests.
/// </summary>
public sealed class OwnAzurite : IAsyncDisposable
{
    // The well-known development account: public, documented, only valid against the emulator.
    const string Account = "devstoreaccount1";
    const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    readonly string _binary;
    Process? _process;

    OwnAzurite(string binary)
    {
        _binary = binary;
        (BlobPort, QueuePort, TablePort) = (FreePort(), FreePort(), FreePort());
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public string Folder { get; } = Directory.CreateTempSubdirectory("own-azurite-").FullName;
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A connection string whose endpoints are this Azurite, or <paramref name="blobPort"/>/<paramref name="queuePort"/> (a proxy in front of it).</summary>
    public string ConnectionString(int? blobPort = null, int? queuePort = null) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort ?? BlobPort}/{Account};QueueEndpoint=http://127.0.0.1:{queuePort ?? QueuePort}/{Account}";

    /// <summary>Starts an Azurite; <paramref name="repositoryRoot"/> holds tools/azurite.</summary>
    public static async Task<OwnAzurite> StartAsync(string repositoryRoot)
    {
        var binary = Path.Combine(repositoryRoot, "tools", "azurite", "node_modules", ".bin", "azurite");
        if (!File.Exists(binary)) throw new InvalidOperationException($"{binary} is missing: run ./test.sh (scripts/provision.sh installs it).");
        for (var attempt = 1; ; attempt++)
        {
            var azurite = new OwnAzurite(binary);
            try
            {
                await azurite.StartAgainAsync();
                return azurite;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Tests run in parallel: a port chosen as free can be taken before Azurite binds it. Other ports.
                await azurite.DisposeAsync();
            }
            catch
            {
                await azurite.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Starts it (again) on the same ports and data folder; waits until both ports accept connections.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning) throw new InvalidOperationException("Azurite is already running.");
        var start = new ProcessStartInfo(_binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", $"{BlobPort}", "--queuePort", $"{QueuePort}", "--tablePort", $"{TablePort}",
            "--location", Folder, "--skipApiVersionCheck", "--disableTelemetry", "--silent"])
            start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var port in (int[])[BlobPort, QueuePort])
            while (!await AcceptsAsync(port))
            {
                if (_process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException($"Azurite did not start on port {port}.");
                await Task.Delay(100);
            }
    }

    /// <summary>Kills it at once (SIGKILL), as a crash would; the data folder stays.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>
    /// Stops it as a service stop would (SIGTERM: Azurite saves its state and closes), killing it if it has not
    /// gone within 10 s; the data folder stays. True when it stopped by itself.
    /// </summary>
    public async Task<bool> StopAsync()
    {
        if (_process is null) return true;
        if (!_process.HasExited) _ = Signal(_process.Id, Sigterm);
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return false;
        }
        _process.Dispose();
        _process = null;
        return true;
    }

    const int Sigterm = 15;
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Signal(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { } // a file Azurite was still flushing: the temp folder is cleaned eventually
    }

    static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
