using BasicTrust.Highlights.Import;
using BasicTrust.Highlights.Manifest;
using Xunit.Abstractions;

namespace BasicTrust.Highlights.Tests.Import;

/// <summary>A seeded fuzz run of the import readers, as the API's: whatever the file, it is read or refused, never an exception.</summary>
public class ImportFuzzTests(ITestOutputHelper output)
{
    public static TheoryData<string> Formats => [.. ImportFuzz.Formats.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Formats))]
    public void MalformedAndHostileFiles_AreReadOrRefusedNamingFieldAndRule(string name)
    {
        const int seed = 20261207, count = 300;
        var format = ImportFuzz.Formats.Single(f => f.Name == name);
        var random = new Random(seed);
        var (read, refused, failures) = (0, new Dictionary<string, int>(), new List<string>());
        for (var i = 0; i < count; i++)
        {
            var (how, text) = ImportFuzz.Input(random, format);
            try
            {
                var tags = format.Read(text);
                if (tags.Count > ManifestReader.MaxTags) failures.Add($"#{i} ({how}): read {tags.Count} tags");
                _ = ManifestBuilder.Tags(tags).ToJsonString(); // what the API answers with
                read++;
            }
            catch (ImportRefusedException e) when (e.Problem.Path.Length > 0 && e.Problem.Rule.Length > 0)
            {
                refused[e.Problem.Rule] = refused.GetValueOrDefault(e.Problem.Rule) + 1;
            }
            catch (Exception e)
            {
                failures.Add($"#{i} ({how}, {text.Length} characters): {e.GetType().Name}: {e.Message}");
            }
        }
        output.WriteLine($"{name}, {count} files (seed {seed}): {read} read, refused " + string.Join(", ", refused.OrderBy(r => r.Key).Select(r => $"{r.Key}×{r.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
