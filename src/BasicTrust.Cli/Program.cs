using System.Globalization;
using BasicTrust.Cli;
using BasicTrust.Storage.Blobs;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

return args switch
{
    ["plan", var manifest, "--duration", var seconds] => PlanCommand.Run(manifest, seconds, Console.Out),
    ["plan", var manifest] => PlanCommand.Run(manifest, null, Console.Out),
    ["local-run", "--recording", var recording, "--manifest", var manifest, "--out", var outDir, "--timeout", var minutes] => await LocalRunAsync(recording, manifest, outDir, minutes),
    ["local-run", "--recording", var recording, "--manifest", var manifest, "--out", var outDir] => await LocalRunAsync(recording, manifest, outDir, "20"),
    _ => Usage(),
};

async Task<int> LocalRunAsync(string recording, string manifest, string outDir, string minutes)
{
    var connection = Environment.GetEnvironmentVariable("BASICTRUST_STORAGE");
    if (string.IsNullOrWhiteSpace(connection))
    {
        Console.Error.WriteLine("error: BASICTRUST_STORAGE must hold the local storage connection string (./run.sh sets it)");
        return 2;
    }
    if (!double.TryParse(minutes, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || m <= 0)
    {
        Console.Error.WriteLine("error: --timeout must be a number of minutes");
        return 2;
    }
    return await new LocalRunCommand(new BlobServiceClient(connection), Console.Out).RunAsync(recording, manifest, outDir, TimeSpan.FromMinutes(m), stop.Token);
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: bt plan MANIFEST [--duration SECONDS]
                 Validates a session manifest and, given the recording's length, shows the clips and reel it plans.
               bt local-run --recording FILE --manifest FILE --out DIR [--timeout MINUTES]
                 Runs a session through a local stack (Azurite + DevHost; BASICTRUST_STORAGE set) and downloads the reel.
        """);
    return 2;
}
