using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Tests.Planning;

/// <summary>Many random tag sets; properties every plan must have.</summary>
public class PlanningInvariantTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 300)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_RandomTags_KeepsEveryInvariant(int seed)
    {
        var random = new Random(seed);
        var duration = TimeSpan.FromSeconds(random.Next(30, 1800));
        var tags = Enumerable.Range(0, random.Next(1, 25)).Select(i =>
        {
            // Mostly plannable tags; now and then one past the end or too short, so refusals are exercised too.
            var pastEnd = random.Next(60) == 0;
            var start = Math.Round(random.NextDouble() * duration.TotalSeconds * (pastEnd ? 1.5 : 0.98), 3);
            var length = random.Next(60) == 0 ? 0.3 : 1 + random.NextDouble() * 40;
            return Manifests.Tag(start, Math.Round(start + length, 3), random.Next(4) == 0 ? "verwarringscheppend-gedrag" : "benoemen", $"t{i}");
        }).ToArray();
        string[] orders = ["chronological", "strengths-first", "as-listed"];
        var manifest = Manifests.WithTags(r =>
        {
            r["order"] = orders[random.Next(3)];
            r["preRoll"] = random.Next(0, 4);
            r["postRoll"] = random.Next(0, 4);
            r["maxSeconds"] = 3600;
        }, tags);

        var result = SessionPlanner.Plan(manifest, duration, $"\"{seed}\"");
        Assert.Equal(result.Plan is null, result.Problems.Any(p => p.Severity == Severity.Error));
        if (result.Plan is not { } reel) return;

        var byTime = reel.Clips.OrderBy(c => c.Index).ToList();
        Assert.Equal(Enumerable.Range(0, byTime.Count), byTime.Select(c => c.Index));
        for (var i = 0; i < byTime.Count; i++)
        {
            var clip = byTime[i];
            Assert.True(clip.In >= TimeSpan.Zero && clip.Out <= duration, "clips lie within the recording");
            Assert.True(clip.Duration >= ClipPlanner.MinClip, "clips are at least a second");
            if (i > 0) Assert.True(clip.In - byTime[i - 1].Out >= ClipPlanner.MergeGap, "clips are sorted, apart and non-overlapping");
            Assert.All(clip.Tags, t => Assert.True(t.Start < clip.Out && t.End > clip.In, "a clip's tags lie in it"));
        }
        // Every tag is covered by exactly one clip.
        Assert.Equal(manifest.Tags.Select(t => t.Id).Order(), reel.Clips.SelectMany(c => c.Tags).Select(t => t.Id).Order());
        // Chapters tile the reel.
        Assert.Equal(TimeSpan.Zero, reel.Chapters[0].Start);
        Assert.Equal(reel.Duration, reel.Chapters[^1].End);
        Assert.All(reel.Chapters.Zip(reel.Chapters.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.All(reel.Cues, c => Assert.True(c.Start >= TimeSpan.Zero && c.End <= reel.Duration && c.End > c.Start));
        // Same input, same ids.
        Assert.Equal(reel.Clips.Select(c => c.ClipId), SessionPlanner.Plan(manifest, duration, $"\"{seed}\"").Plan!.Clips.Select(c => c.ClipId));
    }
}
