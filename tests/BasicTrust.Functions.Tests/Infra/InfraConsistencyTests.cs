using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Triggers.Blob.EventGrid;
using BasicTrust.Functions.Access;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BasicTrust.Functions.IndexReadyReel;
using BasicTrust.Functions.Notifications;
using BasicTrust.Functions.Consent;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Media.Sources;
using BasicTrust.Storage;

namespace BasicTrust.Functions.Tests.Infra;

/// <summary>
/// Keeps infra/ consistent with the app, read from the ARM JSON that ./test.sh compiles from infra/main.bicep (with
/// `bicep build`, after `bicep lint`): every container, queue and app setting the app uses is declared, no keys are
/// configured, no role is broader than the listed ones, and no request reaches the app without a signed-in principal.
/// </summary>
public partial class InfraConsistencyTests
{
    static readonly string Root = Repository.Root;
    static readonly JsonObject Template = CompiledTemplate();
    static readonly JsonObject Storage = Module("storage");
    static readonly JsonObject FunctionApp = Module("functionapp");
    static readonly JsonObject StaticWebApp = Module("staticwebapp");
    static readonly JsonObject Auth = Module("auth");

    [Fact]
    public void Storage_DeclaresEveryContainerTheAppUses() =>
        Assert.Equal(SessionKey.Containers.Append(SessionKey.Audit).Order(), Strings(Storage["variables"]!["containerNames"]!).Order());

    [Fact]
    public void Storage_DeclaresTheReviewIndexTable() =>
        Assert.Contains(ReviewIndex.TableName, Strings(Storage["variables"]!["tableNames"]!));

    [Fact]
    public void Storage_DeclaresTheCaseAccessTable() =>
        Assert.Contains(CaseAccess.TableName, Strings(Storage["variables"]!["tableNames"]!));

    [Fact]
    public void Storage_DeclaresThePeoplesSettingsTable() =>
        Assert.Contains(NotificationPreferences.TableName, Strings(Storage["variables"]!["tableNames"]!));

    [Fact]
    public void FunctionApp_TakesTheMailPasswordFromKeyVault_WithTheAppsIdentity()
    {
        var site = Resource(FunctionApp, "Microsoft.Web/sites")["properties"]!;
        var password = FunctionApp["variables"]!["settings"]!.AsArray().Single(s => (string?)s!["name"] == "BasicTrust__Mail__Password")!;
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('smtpPasswordSecretUri'))]", (string?)password["value"]);
        Assert.Equal("[parameters('identityId')]", (string?)site["keyVaultReferenceIdentity"]);
        Assert.Equal($"[format('https://{{0}}/', {ModuleOutput("staticwebapp", "hostName")})]", ModuleParameter("functionapp", "siteUrl"));
    }

    [Fact]
    public void Storage_AllowsBrowserUploadsFromTheStaticWebAppOriginOnly()
    {
        var rule = Assert.Single(Resource(Storage, "Microsoft.Storage/storageAccounts/blobServices")["properties"]!["cors"]!["corsRules"]!.AsArray())!;
        Assert.Equal(["[parameters('webOrigin')]"], Strings(rule["allowedOrigins"]!));
        Assert.Equal($"[format('https://{{0}}', {ModuleOutput("staticwebapp", "hostName")})]", ModuleParameter("storage", "webOrigin"));
        var methods = Strings(rule["allowedMethods"]!);
        Assert.Contains("PUT", methods);
        Assert.Contains("OPTIONS", methods);
        Assert.DoesNotContain("DELETE", methods);
        Assert.Contains("x-ms-*", Strings(rule["exposedHeaders"]!));
    }

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
        // The backstop of the app's own deletion covers every container of media, and never comes first: its fewest
        // days are more than the most the app may keep media after a guidance ends.
        Assert.Equal([$"{SessionKey.Recordings}/", $"{SessionKey.Previews}/", $"{SessionKey.Clips}/", $"{SessionKey.Reels}/"], Strings(rule["filters"]!["prefixMatch"]!));
        Assert.Equal("[parameters('mediaBackstopDays')]", (string?)rule["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]);
        var appMost = typeof(PrivacyOptions).GetProperty(nameof(PrivacyOptions.RetentionDays))!.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.RangeAttribute), false)
            .Cast<System.ComponentModel.DataAnnotations.RangeAttribute>().Single().Maximum;
        Assert.True((int)Template["parameters"]!["mediaBackstopDays"]!["minValue"]! > (int)appMost);
        Assert.Equal((int)appMost, (int)Template["parameters"]!["retentionDays"]!["maxValue"]!);
    }

    [Fact]
    public void FunctionApp_SetsEveryAppSettingTheAppReads_ByIdentityNeverByKey()
    {
        var declared = Settings().ToHashSet();
        var read = new[] { typeof(PipelineOptions), typeof(MediaLimits), typeof(MailOptions), typeof(PrivacyOptions) }
            .SelectMany(type => type.GetProperties().Where(p => p.CanWrite).Select(p => $"BasicTrust__{Section(type)}__{p.Name}"));
        Assert.All(read, name => Assert.Contains(name, declared));
        // The pipeline's connection by identity: the endpoints, never a connection string (that is for Azurite only).
        Assert.Contains($"{StorageConnection.PipelineStorage}__blobServiceUri", declared);
        Assert.Contains($"{StorageConnection.PipelineStorage}__queueServiceUri", declared);
        Assert.Contains($"{StorageConnection.PipelineStorage}__tableServiceUri", declared);
        Assert.DoesNotContain(StorageConnection.PipelineStorage, declared);
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
    public void FunctionApp_RequiresAuthenticationAndAnswersOthersWith401()
    {
        var auth = AuthSettings();
        Assert.True((bool)auth["platform"]!["enabled"]!);
        Assert.True((bool)auth["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("Return401", (string?)auth["globalValidation"]!["unauthenticatedClientAction"]);
        // Nothing is open but the blob webhook, which Event Grid calls with the blobs_extension key.
        Assert.Equal(["/runtime/webhooks/blobs"], Strings(auth["globalValidation"]!["excludedPaths"]!));
        Assert.False((bool)auth["login"]!["tokenStore"]!["enabled"]!);
        Assert.True((bool)auth["httpSettings"]!["requireHttps"]!);
        Assert.Equal($"[{ModuleOutput("functionapp", "name")}]", ModuleParameter("auth", "functionAppName"));
    }

    [Fact]
    public void FunctionApp_AcceptsEntraIdBearerTokensForTheApiRegistration()
    {
        var entra = AuthSettings()["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)entra["enabled"]!);
        Assert.Equal(
            "[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, parameters('entraTenantId'))]",
            (string?)entra["registration"]!["openIdIssuer"]);
        Assert.Equal("[parameters('apiClientId')]", (string?)entra["registration"]!["clientId"]);
        Assert.Equal(["[format('api://{0}', parameters('apiClientId'))]", "[parameters('apiClientId')]"], Strings(entra["validation"]!["allowedAudiences"]!));
        // The module's parameters are the template's own: the tenant defaults to the deployment's, the client id is required.
        Assert.Equal("[parameters('entraTenantId')]", ModuleParameter("auth", "entraTenantId"));
        Assert.Equal("[parameters('apiClientId')]", ModuleParameter("auth", "apiClientId"));
        Assert.Equal("[tenant().tenantId]", (string?)Template["parameters"]!["entraTenantId"]!["defaultValue"]);
        Assert.False(Template["parameters"]!["apiClientId"]!.AsObject().ContainsKey("defaultValue"));
    }

    [Fact]
    public void FunctionApp_ConfiguresNoClientSecret()
    {
        // Easy Auth only validates bearer tokens; a secret would mean the platform signs people in itself.
        var text = Template.ToJsonString();
        Assert.DoesNotContain("clientSecret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Settings(), name => name.Contains("SECRET", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Template["parameters"]!.AsObject(), p => ((string)p.Value!["type"]!).StartsWith("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void StaticWebApp_IsStandardAndLinksTheFunctionAppAsItsApi()
    {
        var site = Resource(StaticWebApp, "Microsoft.Web/staticSites");
        Assert.Equal("Standard", (string?)site["sku"]!["name"]);
        Assert.Equal("Standard", (string?)site["sku"]!["tier"]);
        var link = Resource(Auth, "Microsoft.Web/staticSites/linkedBackends")["properties"]!;
        Assert.Equal("[resourceId('Microsoft.Web/sites', parameters('functionAppName'))]", (string?)link["backendResourceId"]);
        Assert.Equal("[parameters('functionAppLocation')]", (string?)link["region"]);
        Assert.Equal("[parameters('location')]", ModuleParameter("auth", "functionAppLocation"));
        Assert.Equal("[parameters('location')]", ModuleParameter("functionapp", "location"));
        // The link writes its own provider into the Function App's authentication; the settings are written after it,
        // with that provider declared, so a redeployment keeps both ways in.
        Assert.Contains(
            "[resourceId('Microsoft.Web/staticSites/linkedBackends', parameters('staticWebAppName'), 'functionapp')]",
            Strings(Resource(Auth, "Microsoft.Web/sites/config")["dependsOn"]!));
        var swa = AuthSettings()["identityProviders"]!["azureStaticWebApps"]!;
        Assert.True((bool)swa["enabled"]!);
        Assert.Equal("[parameters('staticWebAppHostName')]", (string?)swa["registration"]!["clientId"]);
        Assert.Equal($"[{ModuleOutput("staticwebapp", "hostName")}]", ModuleParameter("auth", "staticWebAppHostName"));
        Assert.NotNull(Template["outputs"]!["webUrl"]);
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
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User (on the relay's password alone)
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor (Event Grid's topic, on its dead-letter container alone)
        ];
        var used = Guid().Matches(Template.ToJsonString()).Select(m => m.Value).ToHashSet();
        Assert.Equal(allowed.Order(), used.Order());
        Assert.EndsWith("deploymentTemplate.json#", (string)Template["$schema"]!); // resource group scope, not subscription
    }

    [Fact]
    public void BlobTriggers_AllRunOnEventGrid_EachSubscribedWithTheFilterTheDevHostUses()
    {
        var triggers = Metadata().Select(f => FunctionDefinition.Create((string)f["name"]!, (string)f["name"]!, "", "", f["bindings"]!.AsArray().Select(b => b!.ToJsonString())))
            .Where(f => f.Trigger.Type == "blobTrigger").ToList();
        Assert.Equal(["MakePreview", "PlanSession"], triggers.Select(f => f.Name).Order());
        Assert.All(triggers, f => Assert.True(f.Trigger.FromEventGrid, $"{f.Name} scans its container"));

        var declared = Compiled("blobevents.json")["variables"]!["triggers"]!.AsArray()
            .Select(t => ((string)t!["function"]!, (string)t["subjectBeginsWith"]!, (string)t["subjectEndsWith"]!));
        var expected = triggers.Select(BlobEventSubscription.For).Select(s => (s.FunctionName, s.SubjectBeginsWith, s.SubjectEndsWith));
        Assert.Equal(expected.Order(), declared.Order());
    }

    [Fact]
    public void BlobEvents_ReachTheWebhookWithItsKey_AndAreDeadLetteredWhenGivenUp()
    {
        var subscription = Resource(Compiled("blobevents.json"), "Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!;
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.", (string?)subscription["destination"]!["properties"]!["endpointUrl"]);
        Assert.Contains("systemKeys.blobs_extension", (string?)subscription["destination"]!["properties"]!["endpointUrl"]);
        Assert.Equal("eventgrid-deadletter", (string?)subscription["deadLetterWithResourceIdentity"]!["deadLetterDestination"]!["properties"]!["blobContainerName"]);
        Assert.Equal(new BlobEventDelivery().DeadLetterContainer, (string?)Module("eventgrid")["parameters"]!["deadLetterContainerName"]!["defaultValue"]);
        Assert.Equal(new BlobEventDelivery().MaxDeliveryAttempts, (int?)Compiled("blobevents.json")["parameters"]!["maxDeliveryAttempts"]!["defaultValue"]);
    }

    [Fact]
    public void FunctionApp_RunsOnFlexConsumptionByDefault_FromThePackageOnThisBuildsRuntime()
    {
        Assert.Equal("FlexConsumption", (string?)Template["parameters"]!["plan"]!["defaultValue"]);
        var site = Resource(FunctionApp, "Microsoft.Web/sites")["properties"]!;
        Assert.Equal("[if(variables('flex'), variables('flexConfig'), null())]", (string?)site["functionAppConfig"]);
        Assert.Equal("[if(variables('flex'), variables('settings'), concat(variables('containerSettings'), variables('settings')))]", (string?)site["siteConfig"]!["appSettings"]);

        var flex = FunctionApp["variables"]!["flexConfig"]!;
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.AppFolder, "worker.config.json")))!["description"]!;
        Assert.Equal((string?)worker["language"], (string?)flex["runtime"]!["name"]);
        Assert.Equal($"{Environment.Version.Major}.0", (string?)flex["runtime"]!["version"]); // the .NET this build targets
        var package = flex["deployment"]!["storage"]!;
        Assert.Equal("UserAssignedIdentity", (string?)package["authentication"]!["type"]);
        Assert.Equal("[parameters('packageContainerUrl')]", (string?)package["value"]);
        Assert.Equal($"[format('{{0}}{{1}}', {ModuleOutput("storage", "blobEndpoint")}, {ModuleOutput("storage", "packageContainerName")})]", ModuleParameter("functionapp", "packageContainerUrl"));
        Assert.Equal("dotnet-isolated", (string?)FunctionApp["variables"]!["containerSettings"]!.AsArray().Single(s => (string?)s!["name"] == "FUNCTIONS_WORKER_RUNTIME")!["value"]);
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
            "IndexReadyReel", "UploadLink", "PutManifest", "GetStatus", "ListReviews", "GetReel", "MarkReviewed", "PurgeCase",
            "CreateCase", "ListCases", "GetCase", "ListSessions", "ShareCase", "UnshareCase", "ReadAudit", "AssignRoles", "PreviewPlan", "ImportTags", "CommentOnReel", "DecideOnReel", "UploadedBlocks", "MakePreview", "GetPreview", "RequestPreview", "MakeRequestedPreview", "MakePreviewSegment", "MarkPreviewFailed",
            "ListMethods", "GetMethod", "GetManifest", "GetRecording", "ExportTags", "SendMail", "MailUndeliverable", "GetNotifications", "PutNotifications", "AddressComment", "ResolveComment",
            "GetConversation", "RecordConversation", "GetCourse",
            "GetPrivacy", "SetPeople", "RecordConsent", "WithdrawConsent", "CloseCase", "SetHold", "LiftHold", "PrivacyOverview"];
        Assert.Equal(functions.Order(), Metadata().Select(f => (string)f["name"]!).Order());
    }

    [Fact]
    public void HttpFunctions_TakeNoFunctionKey_SignInIsRequiredInFront()
    {
        // Static Web Apps sends no function key to its linked backend; built-in authentication gates every request.
        var http = Metadata().SelectMany(f => f["bindings"]!.AsArray()).Where(b => (string?)b!["type"] == "httpTrigger").ToList();
        Assert.NotEmpty(http);
        Assert.All(http, b => Assert.Equal("Anonymous", (string?)b!["authLevel"], StringComparer.OrdinalIgnoreCase));
        Assert.True((bool)AuthSettings()["globalValidation"]!["requireAuthentication"]!);
    }

    /// <summary>The functions as the Worker SDK describes them in the build output's functions.metadata.</summary>
    static IEnumerable<JsonNode> Metadata() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.AppFolder, "functions.metadata")))!.AsArray().Select(f => f!);

    /// <summary>The app settings on every plan (the container's host also gets the runtime's, which Flex Consumption refuses).</summary>
    static IEnumerable<string> Settings() => FunctionApp["variables"]!["settings"]!.AsArray().Select(setting => (string)setting!["name"]!);

    /// <summary>The Function App's built-in authentication (Easy Auth) settings.</summary>
    static JsonNode AuthSettings()
    {
        var config = Resource(Auth, "Microsoft.Web/sites/config");
        Assert.Equal("[format('{0}/{1}', parameters('functionAppName'), 'authsettingsV2')]", (string?)config["name"]);
        return config["properties"]!;
    }

    /// <summary>Another compiled entry point of infra/ (./test.sh builds each into .build/infra).</summary>
    static JsonObject Compiled(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, ".build", "infra", file)))!.AsObject();

    static JsonObject CompiledTemplate()
    {
        var path = Path.Combine(Root, ".build", "infra", "main.json");
        if (!File.Exists(path)) throw new InvalidOperationException($"{path} is missing: ./test.sh compiles infra/main.bicep into it before the tests.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    /// <summary>The template of a Bicep module: a nested deployment in the compiled JSON.</summary>
    static JsonObject Module(string name) => Deployment(name)["properties"]!["template"]!.AsObject();

    /// <summary>The value main.bicep passes to a module's parameter, as the compiled expression.</summary>
    static string? ModuleParameter(string module, string parameter) =>
        (string?)Deployment(module)["properties"]!["parameters"]![parameter]!["value"];

    /// <summary>How the compiled JSON reads a module's output.</summary>
    static string ModuleOutput(string module, string output) =>
        $"reference(resourceId('Microsoft.Resources/deployments', '{module}'), '{(string)Deployment(module)["apiVersion"]!}').outputs.{output}.value";

    static JsonNode Deployment(string name) =>
        Template["resources"]!.AsArray().Single(r => (string?)r!["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name)!;

    static JsonNode Resource(JsonObject template, string type) => template["resources"]!.AsArray().Single(r => (string?)r!["type"] == type)!;

    static string[] Strings(JsonNode array) => [.. array.AsArray().Select(item => (string)item!)];

    static string Section(Type options) => options == typeof(MediaLimits) ? "Media" : options.Name.Replace("Options", "", StringComparison.Ordinal);

    static string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
