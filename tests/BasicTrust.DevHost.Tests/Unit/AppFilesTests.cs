using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Outputs;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Tests.Unit;

/// <summary>Reading the app's own files: functions.metadata, host.json, worker.config.json, settings and expressions.</summary>
public class AppFilesTests
{
    [Fact]
    public void FunctionsMetadata_OfTheSampleApp_ListsTriggersAndOutputs()
    {
        var functions = FunctionsMetadataFile.Read(Repository.SampleApp).ToDictionary(f => f.Name);
        var plan = functions["PlanSession"];
        Assert.Equal(("blobTrigger", "PipelineStorage", true), (plan.Trigger.Type, plan.Trigger.Connection, plan.Trigger.SupportsDeferredBinding));
        Assert.Equal(["Jobs", "Audit"], plan.Outputs.Select(o => o.Name));
        Assert.Equal("CutClip", functions["CutClip"].Id); // no functionId in the file: the name stands in
    }

    [Fact]
    public void FunctionWithTwoTriggers_IsRefused() =>
        Assert.Throws<InvalidDataException>(() => FunctionDefinition.Create("1", "X", "a.dll", "A.X",
            ["""{"name":"a","type":"queueTrigger","direction":"In"}""", """{"name":"b","type":"blobTrigger","direction":"In"}"""]));

    [Fact]
    public void HostJson_OfTheSampleApp_IsRead()
    {
        var host = HostSettings.Read(Repository.SampleApp);
        Assert.Equal((1, 3, TimeSpan.FromSeconds(1), true, 2, "api"),
            (host.Queues.BatchSize, host.Queues.MaxDequeueCount, host.Queues.VisibilityTimeout, host.Queues.Base64, host.PoisonBlobThreshold, host.RoutePrefix));
    }

    [Fact]
    public void WorkerConfig_OfTheSampleApp_StartsDotnetWithTheAppDll()
    {
        var config = WorkerConfig.Read(Repository.SampleApp);
        Assert.Equal("dotnet", config.ExecutablePath);
        Assert.EndsWith("BasicTrust.DevHost.SampleApp.dll", config.WorkerPath);
        Assert.True(config.WorkerIndexing);
    }

    [Fact]
    public void SettingExpression_ResolvesOrNamesTheMissingSetting()
    {
        Assert.Equal("*/5 * * * * *", SettingExpression.Resolve("%S%", new Dictionary<string, string> { ["S"] = "*/5 * * * * *" }));
        Assert.Contains("'Nope'", Assert.Throws<InvalidDataException>(() => SettingExpression.Resolve("%Nope%", new Dictionary<string, string>())).Message);
    }

    [Fact]
    public void BindingExpression_FillsFromTriggerMetadata()
    {
        var metadata = new Dictionary<string, TypedData> { ["caseId"] = TypedDataValues.Text("c1") };
        Assert.Equal("audit-c1", BindingExpressions.Resolve("audit-{CaseId}", metadata, TimeProvider.System));
        Assert.Throws<InvalidOperationException>(() => BindingExpressions.Resolve("x-{missing}", metadata, TimeProvider.System));
    }
}
