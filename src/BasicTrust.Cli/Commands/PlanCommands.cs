using System.CommandLine;

namespace BasicTrust.Cli.Commands;

/// <summary>`bt plan`: check a manifest offline.</summary>
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
}
