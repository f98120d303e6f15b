using System.Text.Json;

namespace BasicTrust.Contracts.Tests;

/// <summary>The web app's types are what the contracts emit: the checked-in schema and JSDoc types match them.</summary>
public class WebContractsTests
{
    const string Regenerate = "BT_WRITE_CONTRACTS=1 dotnet test tests/BasicTrust.Contracts.Tests --filter WebContracts";
    static readonly string Root = FindRoot();
    static readonly string SchemaFile = Path.Combine(Root, "web", "contracts", "schema.json");
    static readonly string TypesFile = Path.Combine(Root, "web", "js", "contracts.js");

    [Fact]
    public void WebContracts_CheckedIn_MatchWhatTheContractsEmit()
    {
        var schema = ContractSchema.Export();
        var expected = new Dictionary<string, string>
        {
            [SchemaFile] = schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n",
            [TypesFile] = WebTypes.From(schema),
        };
        if (Environment.GetEnvironmentVariable("BT_WRITE_CONTRACTS") == "1")
        {
            foreach (var (file, text) in expected)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text);
            }
        }
        foreach (var (file, text) in expected)
            Assert.True(File.Exists(file) && File.ReadAllText(file) == text,
                $"{Path.GetRelativePath(Root, file)} is not what the contracts emit; regenerate it: {Regenerate}");
    }

    [Fact]
    public void Schema_HasEveryContract_AndTimesAsNumbers()
    {
        var defs = ContractSchema.Export()["$defs"]!.AsObject();

        Assert.All(ContractSchema.Types, t => Assert.True(defs.ContainsKey(t.Name), t.Name));
        Assert.Equal("number", (string?)defs["PlannedTag"]!["properties"]!["start"]!["type"]);
        Assert.Equal(["approve", "send-back"], defs["ReviewDecision"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Contains("caseId", defs["SessionStatus"]!["required"]!.AsArray().Select(v => (string)v!));
        Assert.DoesNotContain("planId", defs["SessionStatus"]!["required"]!.AsArray().Select(v => (string)v!));
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BasicTrust.Functions.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (BasicTrust.Functions.sln) is not above the test's folder.");
    }
}
