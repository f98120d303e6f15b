using System.Runtime.InteropServices;
using BasicTrust.DevHost;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Http;
using BasicTrust.DevHost.Worker;

// BasicTrust.DevHost --app DIR [--port 7071] [--key KEY] [--settings FILE] [--require-sign-in] [--accept-swa-cli] [--user OBJECTID=ROLE[,ROLE]]... [--tokens FILE]
//   [--environment Production] [--http-limit 230]
// --environment names the worker's hosting environment (Production, as in Azure); --http-limit the seconds an HTTP call
// may wait for its answer before it gets Azure's front-end 500 (0: no limit).
// --user (repeatable; implies --require-sign-in) mints a development token to act as that person: printed, or written
// to --tokens FILE (readable by its owner only) as lines "OBJECTID ROLES TOKEN".
// App settings: DIR/local.settings.json's Values (or --settings), overridden by environment variables, as Core Tools does.
var appRoot = Path.GetFullPath(Option("--app") ?? Path.Combine(AppContext.BaseDirectory, "app"));
var settings = LocalSettings.Read(Option("--settings") ?? Path.Combine(appRoot, "local.settings.json"));

using var loggers = LoggerFactory.Create(b => b
    .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
    .AddFilter("Microsoft", LogLevel.Warning));
using var stop = new CancellationTokenSource();
// Ctrl+C and SIGTERM (what run.sh sends) both stop the listeners and the worker cleanly.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    var port = int.TryParse(Option("--port"), out var p) ? p : 7071;
    var key = Option("--key");
    var users = Options("--user").Select(DevelopmentUser.Parse).ToList();
    var signIn = users.Count > 0 || args.Contains("--require-sign-in");
    var options = new LocalHostOptions { AppRoot = appRoot, Settings = settings, HttpPort = port, FunctionKey = key, RequireSignIn = signIn, AcceptStaticWebAppsCli = args.Contains("--accept-swa-cli") };
    if (Option("--environment") is { Length: > 0 } environment) options = options with { Environment = environment };
    if (int.TryParse(Option("--http-limit"), out var seconds)) options = options with { HttpAnswerLimit = seconds > 0 ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan };
    await using var host = await LocalFunctionsHost.StartAsync(options, loggers, stop.Token);
    // A key the developer gave is theirs already and stays out of logs; only a generated one is shown, once, to be used.
    if (host.ApiBaseAddress is { } api)
        Console.WriteLine(!host.NeedsFunctionKey ? $"API: {api}" : key is null ? $"API: {api}  function key: {host.FunctionKey}  (header x-functions-key)" : $"API: {api}  (header x-functions-key: the key given)");
    // Tokens are signed by this process and die with it (Authorization: Bearer).
    var tokens = users.Select(user => $"{user.ObjectId} {string.Join(',', user.Roles)} {host.DevelopmentToken(user)}").ToList();
    if (Option("--tokens") is { } tokenFile) WriteOwnerOnly(tokenFile, tokens);
    else tokens.ForEach(line => Console.WriteLine($"sign in as: {line}"));
    Console.WriteLine($"DevHost running {host.Functions.Count} functions from {appRoot} (worker pid {host.WorkerProcessId}); Ctrl+C stops.");
    await host.WaitForShutdownAsync(stop.Token);
}
catch (WorkerUnavailableException e)
{
    Console.Error.WriteLine($"DevHost stopped: {e.Message}");
    return 1;
}
catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
{
    Console.Error.WriteLine($"DevHost could not start: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

static void WriteOwnerOnly(string path, IEnumerable<string> lines)
{
    File.Delete(path);
    var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
    if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    using var file = new StreamWriter(new FileStream(path, options));
    foreach (var line in lines) file.WriteLine(line);
}

IEnumerable<string> Options(string name) =>
    args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1]);

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
