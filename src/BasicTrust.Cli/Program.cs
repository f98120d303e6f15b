using BasicTrust.Cli.Commands;
using Spectre.Console;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
// Piped into a file or a log, tables keep their full width instead of wrapping at 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Console.Profile.Width = 160;
return await Bt.RunAsync(args, AnsiConsole.Console, stop.Token);
