using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BasicTrust.Web.Tests;

/// <summary>scripts/web-release.mjs: the copy of web/ that is deployed (no browser needed).</summary>
public sealed class ReleaseTests
{
    const string Tenant = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

    static async Task<(int Code, string Output)> ReleaseAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "web-release.mjs"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync() + await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        return (node.ExitCode, output);
    }

    [Fact]
    public async Task Release_NamesTheTenant_AndLetsThePagesReachOnlyTheDeploymentsStorage()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"web-release-{Guid.NewGuid():N}");
        try
        {
            var (code, output) = await ReleaseAsync("--tenant", Tenant, "--storage", "basictrustx1", "--out", folder);
            Assert.True(code == 0, output);

            var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "staticwebapp.config.json")))!;
            Assert.Equal($"https://login.microsoftonline.com/{Tenant}/v2.0", (string?)config["auth"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!["openIdIssuer"]);
            var policy = (string)config["globalHeaders"]!["Content-Security-Policy"]!;
            Assert.DoesNotContain("127.0.0.1", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("*.blob", policy, StringComparison.Ordinal);
            Assert.Contains("connect-src 'self' https://basictrustx1.blob.core.windows.net;", policy, StringComparison.Ordinal);
            // Everything else is the repository's web/ as it is, without the type checker's settings.
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "web", "js", "editor.js")), await File.ReadAllTextAsync(Path.Combine(folder, "js", "editor.js")));
            Assert.False(File.Exists(Path.Combine(folder, "jsconfig.json")));
            // The pure modules' unit tests stay behind.
            Assert.Empty(Directory.GetFiles(folder, "*.test.js", SearchOption.AllDirectories));
            Assert.True(File.Exists(Path.Combine(folder, "js", "editor", "tags.js")));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Release_WithoutATenantOrStorage_SaysWhatIsMissing()
    {
        var (code, output) = await ReleaseAsync("--tenant", "contoso", "--out", Path.Combine(Path.GetTempPath(), "never-written"));
        Assert.Equal(2, code);
        Assert.Contains("--tenant must be the Entra tenant id", output, StringComparison.Ordinal);
        Assert.Contains("--storage must be", output, StringComparison.Ordinal);

        // The folder written is emptied first: never the sources.
        var (intoWeb, refusal) = await ReleaseAsync("--tenant", Tenant, "--storage", "basictrustx1", "--out", Repository.Root);
        Assert.Equal(2, intoWeb);
        Assert.Contains("it would remove web/", refusal, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "web", "index.html")));
    }
}
