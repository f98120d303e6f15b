using System.Globalization;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Cli;

/// <summary>`bt plan`: check a manifest before uploading it, and see the clips it will give.</summary>
static class PlanCommand
{
    public static int Run(string manifestPath, string? durationSeconds, TextWriter output)
    {
        if (!File.Exists(manifestPath))
        {
            output.WriteLine($"error: no manifest at '{manifestPath}'");
            return 2;
        }
        var read = ManifestReader.Read(File.ReadAllText(manifestPath));
        if (read.Manifest is not { } manifest)
            return Report(read.Problems, output);
        output.WriteLine($"Manifest OK: {manifest.Tags.Count} tag(s), method {manifest.Method}.");
        if (durationSeconds is null) return Report(read.Problems, output);

        if (!double.TryParse(durationSeconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || TimeCode.FromSeconds(seconds) is not { } duration)
        {
            output.WriteLine("error: --duration must be the recording's length in seconds");
            return 2;
        }
        // The real pipeline hashes the uploaded recording's ETag; a local plan has none yet.
        var result = SessionPlanner.Plan(manifest, duration, "local");
        if (result.Plan is { } reel) Print(reel, output);
        return Report([.. read.Problems, .. result.Problems], output);
    }

    static void Print(ReelPlan reel, TextWriter output)
    {
        output.WriteLine($"Reel {reel.PlanId}: {reel.Clips.Count} clip(s), {TimeCode.Format(reel.Duration)} ({reel.Settings.Order}, {reel.Settings.Quality}, {reel.Settings.Resolution})");
        output.WriteLine($"  {"#",-3} {"in",-10} {"out",-10} {"length",-8} {"valence",-9} labels");
        foreach (var (clip, chapter) in reel.Clips.Zip(reel.Chapters))
            output.WriteLine($"  {clip.Index + 1,-3} {TimeCode.Format(clip.In),-10} {TimeCode.Format(clip.Out),-10} {TimeCode.Seconds(clip.Duration),-8} {clip.Valence.ToString().ToLowerInvariant(),-9} {chapter.Title}");
    }

    static int Report(IReadOnlyList<Problem> problems, TextWriter output)
    {
        foreach (var problem in problems)
            output.WriteLine($"{(problem.Severity == Severity.Error ? "error" : "warning")}: {problem.Path}: {problem.Message}");
        return problems.Any(p => p.Severity == Severity.Error) ? 1 : 0;
    }
}
