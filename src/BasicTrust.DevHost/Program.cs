using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using BasicTrust.DevHost;

// BasicTrust.DevHost --app DIR [--settings local.settings.json] [--port 7071] [--key KEY]
// App settings: the settings file's Values, overridden by environment variables (as Core Tools does).
var appRoot = Option("--app") ?? Path.Combine(AppContext.BaseDirectory, "app");
var settingsFile = Option("--settings") ?? "local.settings.json";

var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
if (File.Exists(settingsFile) && JsonNode.Parse(File.ReadAllText(settingsFile))?["Values"] is JsonObject values)
    foreach (var (key, value) in values) settings[key] = (string?)value ?? "";
foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
    settings[(string)variable.Key] = (string?)variable.Value ?? "";

using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }));
using var stop = new CancellationTokenSource();
// Ctrl+C and SIGTERM (what run.sh sends) both stop the listeners and the handler cleanly.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    var port = int.TryParse(Option("--port"), out var p) ? p : 7071;
    await using var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions { AppRoot = appRoot, Settings = settings, HttpPort = port, FunctionKey = Option("--key") }, loggers, stop.Token);
    if (host.ApiBaseAddress is { } api) Console.WriteLine($"API: {api}  function key: {host.FunctionKey}  (header x-functions-key)");
    Console.WriteLine($"DevHost running {host.Functions.Count} functions from {Path.GetFullPath(appRoot)}; Ctrl+C stops.");
    await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
}
catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or TimeoutException or InvalidOperationException)
{
    Console.Error.WriteLine($"DevHost could not start: {e.Message}");
    return 1;
}
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
