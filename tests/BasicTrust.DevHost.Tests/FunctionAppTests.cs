using System.Text.Json.Nodes;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Handler;

namespace BasicTrust.DevHost.Tests;

/// <summary>The DevHost reads this repository's own host.json and function.json files.</summary>
public class FunctionAppTests
{
    static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir.FullName, "BasicTrust.Functions.sln"))) dir = dir.Parent!;
            return dir.FullName;
        }
    }

    [Fact]
    public void HostJson_QueueSettingsSuitCpuBoundWork()
    {
        var host = HostSettings.Read(Root);
        Assert.Equal((1, 0, 5, true), (host.Queues.BatchSize, host.Queues.NewBatchThreshold, host.Queues.MaxDequeueCount, host.Queues.Base64));
        Assert.Equal(Path.Combine(Root, "BasicTrust.Functions"), host.ExecutablePath);
        Assert.True(host.FunctionTimeout >= TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void FunctionJsonFiles_EachHaveOneTriggerAndNoTriggerOnVideo()
    {
        var functions = FunctionDefinition.ReadAll(Path.Combine(Root, "src", "BasicTrust.Functions"));
        Assert.Equal(["AssembleReel", "CutClip", "GetReel", "GetStatus", "ListReviews", "MarkFailed", "MarkReelFailed", "MarkReviewed", "PlanSession", "PurgeCase", "PutManifest", "Sweep", "UploadLink"],
            functions.Select(f => f.Name));
        Assert.All(functions.Where(f => f.Trigger.Type == "httpTrigger"), f => Assert.Equal("function", f.Trigger["authLevel"]));
        foreach (var blob in functions.Where(f => f.Trigger.Type == "blobTrigger"))
            Assert.EndsWith(".json", blob.Trigger["path"]);
        Assert.Equal(["clip-jobs-poison", "reel-jobs-poison"], functions.Where(f => f.Name is "MarkFailed" or "MarkReelFailed").Select(f => f.Trigger["queueName"]));
    }

    [Fact]
    public void Read_TwoTriggers_IsRefused() =>
        Assert.Throws<InvalidDataException>(() => FunctionDefinition.Read("X", """{"bindings":[{"type":"queueTrigger","direction":"in","name":"a"},{"type":"blobTrigger","direction":"in","name":"b"}]}"""));

    [Fact]
    public void HostPayload_EncodesLikeTheHost()
    {
        var body = HostPayload.Invocation("F", new() { ["job"] = HostPayload.Text("{\"a\":1}") },
            new() { ["DequeueCount"] = HostPayload.Number(1), ["QueueTrigger"] = HostPayload.Text("x"), ["Properties"] = new JsonObject { ["ETag"] = "\"0x1\"" } }, TimeProvider.System);
        var text = body.ToJsonString();
        Assert.Equal("\"{\\\"a\\\":1}\"", (string?)body["Data"]!["job"]); // the message, JSON-encoded once more
        Assert.Contains("\"DequeueCount\":\"1\"", text);
        Assert.DoesNotContain("QueueTrigger", text);
        Assert.Equal("F", (string?)body["Metadata"]!["sys"]!["MethodName"]);
    }
}
