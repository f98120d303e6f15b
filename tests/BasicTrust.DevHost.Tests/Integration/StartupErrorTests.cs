using System.Net;
using System.Net.Sockets;

namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>What goes wrong at start says so in one clear message.</summary>
[Collection("storage")]
public class StartupErrorTests
{
    static readonly ILoggerFactory Loggers = LoggerFactory.Create(_ => { });

    [Fact]
    public async Task NotAnIsolatedApp_NamesWorkerConfig()
    {
        using var folder = new TemporaryFolder("devhost-empty-");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => LocalFunctionsHost.StartAsync(
            new LocalHostOptions { AppRoot = folder.Path, Settings = TestHost.Settings() }, Loggers));
        Assert.Contains("worker.config.json", e.Message);
    }

    [Fact]
    public async Task StorageUnreachable_SaysSo()
    {
        var settings = TestHost.Settings();
        settings["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1";
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalFunctionsHost.StartAsync(
            new LocalHostOptions { AppRoot = Repository.SampleApp, Settings = settings, HttpPort = 0 }, Loggers));
        Assert.Contains("not reachable", e.Message);
    }

    [Fact]
    public async Task PortTaken_SaysSo()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalFunctionsHost.StartAsync(
            new LocalHostOptions { AppRoot = Repository.SampleApp, Settings = TestHost.Settings(), HttpPort = port }, Loggers));
        Assert.Contains($"port {port} is already in use", e.Message);
    }

    [Fact]
    public async Task EmptyFunctionKey_IsRefusedBeforeAnythingStarts()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalFunctionsHost.StartAsync(
            new LocalHostOptions { AppRoot = Repository.SampleApp, Settings = TestHost.Settings(), HttpPort = 0, FunctionKey = "" }, Loggers));
        Assert.Contains("function key is empty", e.Message);
    }
}
