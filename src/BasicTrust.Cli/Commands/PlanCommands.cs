using System.CommandLine;
using BasicTrust.Storage.Blobs;

namespace BasicTrust.Cli.Commands;

/// <summary>`bt plan` (offline) and `bt local-run` (the developer's end-to-end run used by ./run.sh).</summary>
static class PlanCommands
{
    public static Command Plan()
    {
        var manifest = new Argument<string>("manifest") { Description = "A session manifest (JSON)." };
        var duration = new Option<string?>("--duration") { Description = "The recording's length in seconds, to see the clips and reel." };
        var command = new Command("plan", "Validate a manifest before uploading it and, given the recording's length, show the clips it gives.") { manifest, duration };
        command.SetAction(r => PlanCommand.Run(r.GetValue(manifest)!, r.GetValue(duration), Console.Out));
        return command;
    }

    public static Command LocalRun()
    {
        var recording = new Option<string>("--recording") { Required = true };
        var manifest = new Option<string>("--manifest") { Required = true };
        var output = new Option<string>("--out") { DefaultValueFactory = _ => "out" };
        var timeout = new Option<double>("--timeout") { Description = "Minutes to wait.", DefaultValueFactory = _ => 20 };
        var command = new Command("local-run", "Developers: run a session through a local stack (Azurite + DevHost; BASICTRUST_STORAGE set) and download the reel.")
            { recording, manifest, output, timeout };
        command.SetAction(async (r, ct) =>
        {
            var connection = Environment.GetEnvironmentVariable("BASICTRUST_STORAGE");
            if (string.IsNullOrWhiteSpace(connection))
            {
                Console.Error.WriteLine("error: BASICTRUST_STORAGE must hold the local storage connection string (./run.sh sets it)");
                return 2;
            }
            return await new LocalRunCommand(new BlobServiceClient(connection), Console.Out)
                .RunAsync(r.GetValue(recording)!, r.GetValue(manifest)!, r.GetValue(output)!, TimeSpan.FromMinutes(r.GetValue(timeout)), ct);
        });
        return command;
    }
}
