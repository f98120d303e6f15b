using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BasicTrust.Functions.IndexReadyReel;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Media.Sources;
using BasicTrust.Storage;

namespace BasicTrust.Functions.Tests.Infra;

/// <summary>
/// Keeps infra/ consistent with the app, read from the ARM JSON that ./test.sh compiles from infra/main.bicep (with
/// `bicep build`, after `bicep lint`): every container, queue and app setting the app uses is declared, no keys are
/// configured, and no role is broader than the listed ones.
/// </summary>
public partial class InfraConsistencyTests
{
    static readonly string Root = Repository.Root;
    static readonly JsonObject Template = CompiledTemplate();
    static readonly JsonObject Storage = Module("storage");
    static readonly JsonObject FunctionApp = Module("functionapp");

    [Fact]
    public void Storage_DeclaresEveryContainerTheAppUses() =>
        Assert.Equal(SessionKey.Containers.Append(SessionKey.Audit).Order(), Strings(Storage["variables"]!["containerNames"]!).Order());

    [Fact]
    public void Storage_DeclaresTheReviewIndexTable() =>
        Assert.Equal([ReviewIndex.TableName], Strings(Storage["variables"]!["tableNames"]!));

    [Fact]
    public void Storage_DeclaresEveryQueueOfTheFunctionsAndTheirPoisonQueues()
    {
        var bindings = Metadata().SelectMany(f => f["bindings"]!.AsArray().Select(b => b!))
            .Where(b => (string?)b["queueName"] is not null).ToList();
        var used = bindings.Select(b => (string)b["queueName"]!)
            .Concat(bindings.Where(b => (string?)b["type"] == "queueTrigger" && !((string)b["queueName"]!).EndsWith("-poison", StringComparison.Ordinal)).Select(b => (string)b["queueName"]! + "-poison"))
            .Append("webjobs-blobtrigger-poison")
            .ToHashSet();
        Assert.Equal(used.Order(), Strings(Storage["variables"]!["queueNames"]!).Order());
    }

    [Fact]
    public void Storage_AllowsNoKeysNoPublicAccessAndOldTls()
    {
        var account = Resource(Storage, "Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.True((bool)Resource(Storage, "Microsoft.Storage/storageAccounts/blobServices")["properties"]!["deleteRetentionPolicy"]!["enabled"]!);
        var rule = Resource(Storage, "Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!["rules"]![0]!["definition"]!;
        Assert.Equal(["recordings/"], Strings(rule["filters"]!["prefixMatch"]!));
        Assert.Equal("[parameters('recordingRetentionDays')]", (string?)rule["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]);
    }

    [Fact]
    public void FunctionApp_SetsEveryAppSettingTheAppReads_ByIdentityNeverByKey()
    {
        var declared = Settings().ToHashSet();
        var read = new[] { typeof(PipelineOptions), typeof(MediaLimits) }
            .SelectMany(type => type.GetProperties().Where(p => p.CanWrite).Select(p => $"BasicTrust__{Section(type)}__{p.Name}"));
        Assert.All(read, name => Assert.Contains(name, declared));
        // The pipeline's connection by identity: the endpoints, never a connection string (that is for Azurite only).
        Assert.Contains($"{StorageConnection.PipelineStorage}__blobServiceUri", declared);
        Assert.Contains($"{StorageConnection.PipelineStorage}__queueServiceUri", declared);
        Assert.Contains($"{StorageConnection.PipelineStorage}__tableServiceUri", declared);
        Assert.DoesNotContain(StorageConnection.PipelineStorage, declared);
        Assert.Contains("FUNCTIONS_WORKER_RUNTIME", declared);
        Assert.Contains("AzureWebJobsStorage__accountName", declared);
        Assert.DoesNotContain("AzureWebJobsStorage", declared);
        var text = Template.ToJsonString();
        Assert.DoesNotContain("AccountKey", text);
        Assert.DoesNotContain("listKeys", text);
    }

    [Fact]
    public void FunctionApp_SettingsMatchTheLocalSampleSettings()
    {
        var sample = JsonNode.Parse(Read("local.settings.sample.json"))!["Values"]!.AsObject().Select(p => p.Key)
            .Where(k => k.StartsWith("BasicTrust__", StringComparison.Ordinal));
        Assert.All(sample, name => Assert.Contains(name, Settings()));
    }

    [Fact]
    public void Roles_AreOnlyTheListedDataRoles()
    {
        string[] allowed =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner (the host's identity-based storage)
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor (the review index)
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
            "7f951dda-4ed3-4680-a7ca-43fe172d538d", // AcrPull
        ];
        var used = Guid().Matches(Template.ToJsonString()).Select(m => m.Value).ToHashSet();
        Assert.Equal(allowed.Order(), used.Order());
        Assert.EndsWith("deploymentTemplate.json#", (string)Template["$schema"]!); // resource group scope, not subscription
    }

    [Fact]
    public void Dockerfile_RunsThePublishedAppOnTheIsolatedWorkerImageWithFfmpeg()
    {
        var dockerfile = Read("infra/Dockerfile");
        Assert.Contains("FROM mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0", dockerfile);
        Assert.Contains("apt-get install -y --no-install-recommends ffmpeg", dockerfile);
        Assert.Contains("FUNCTIONS_WORKER_RUNTIME=dotnet-isolated", dockerfile);
        Assert.Contains("dotnet publish src/BasicTrust.Functions", dockerfile);
        Assert.Contains("COPY --from=build /app /home/site/wwwroot", dockerfile);
    }

    [Fact]
    public void AppFolder_IsAnIsolatedWorkerAppNamingEveryFunction()
    {
        // The build output the DevHost runs is what `dotnet publish` and the image contain.
        var app = Repository.AppFolder;
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(app, "worker.config.json")))!["description"]!;
        Assert.Equal("dotnet-isolated", (string?)worker["language"]);
        Assert.True(File.Exists(Path.Combine(app, (string)worker["defaultWorkerPath"]!)));
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(app, "host.json")))!.AsObject();
        Assert.False(host.ContainsKey("customHandler"));
        Assert.False(host.ContainsKey("extensionBundle"));
        string[] functions = ["PlanSession", "CutClip", "AssembleReel", "MarkFailed", "MarkReelFailed", "MarkManifestFailed", "Sweep",
            "IndexReadyReel", "UploadLink", "PutManifest", "GetStatus", "ListReviews", "GetReel", "MarkReviewed", "PurgeCase"];
        Assert.Equal(functions.Order(), Metadata().Select(f => (string)f["name"]!).Order());
    }

    /// <summary>The functions as the Worker SDK describes them in the build output's functions.metadata.</summary>
    static IEnumerable<JsonNode> Metadata() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.AppFolder, "functions.metadata")))!.AsArray().Select(f => f!);

    static IEnumerable<string> Settings() =>
        Resource(FunctionApp, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray().Select(setting => (string)setting!["name"]!);

    static JsonObject CompiledTemplate()
    {
        var path = Path.Combine(Root, ".build", "infra", "main.json");
        if (!File.Exists(path)) throw new InvalidOperationException($"{path} is missing: ./test.sh compiles infra/main.bicep into it before the tests.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    /// <summary>The template of a Bicep module: a nested deployment in the compiled JSON.</summary>
    static JsonObject Module(string name) =>
        Template["resources"]!.AsArray().Single(r => (string?)r!["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name)!["properties"]!["template"]!.AsObject();

    static JsonNode Resource(JsonObject template, string type) => template["resources"]!.AsArray().Single(r => (string?)r!["type"] == type)!;

    static string[] Strings(JsonNode array) => [.. array.AsArray().Select(item => (string)item!)];

    static string Section(Type options) => options == typeof(MediaLimits) ? "Media" : options.Name.Replace("Options", "", StringComparison.Ordinal);

    static string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
