using BasicTrust.Cli.Commands;
using Spectre.Console;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
return await Bt.RunAsync(args, AnsiConsole.Console, stop.Token);
