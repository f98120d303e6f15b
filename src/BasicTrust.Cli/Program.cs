using BasicTrust.Cli;

return args switch
{
    ["plan", var manifest, "--duration", var seconds] => PlanCommand.Run(manifest, seconds, Console.Out),
    ["plan", var manifest] => PlanCommand.Run(manifest, null, Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: bt plan MANIFEST [--duration SECONDS]
          Validates a session manifest and, given the recording's length, shows the clips and reel it plans.
        """);
    return 2;
}
