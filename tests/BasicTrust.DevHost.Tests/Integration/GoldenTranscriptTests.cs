using System.Collections.Concurrent;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>
/// Every message shape the DevHost sends the worker, pinned: the handshake, a function load, and the invocation
/// requests for a queue, a blob (ModelBindingData), a timer and an HTTP trigger, taken from a real run.
/// </summary>
[Collection("storage")]
public class GoldenTranscriptTests
{
    [Fact]
    public async Task MessagesToTheWorker_MatchTheGoldenTranscripts()
    {
        await Azurite.ResetAsync();
        var sent = new ConcurrentQueue<StreamingMessage>();
        var app = Repository.SampleApp;
        await using (var host = await TestHost.StartAsync(transcript: (direction, message) =>
        {
            if (direction == "host->worker") sent.Enqueue(message.Clone());
        }))
        {
            var functions = host.Host.Functions.ToDictionary(f => f.Id, f => f.Name);
            await Azurite.SendAsync("clip-jobs", """{"CaseId":"g1","SessionId":"s1","Index":0}""");
            Assert.Single(await Azurite.ReceiveAsync("reel-jobs", 1, TimeSpan.FromSeconds(20)));
            var recordings = Azurite.Blobs.GetBlobContainerClient("recordings");
            await recordings.CreateIfNotExistsAsync();
            await recordings.GetBlobClient("g1/s1/session.json").UploadAsync(BinaryData.FromString("""{"clips":0}"""));
            Assert.Single(await Azurite.ReceiveAsync("audit-g1", 1, TimeSpan.FromSeconds(20)));
            Assert.True(await host.Host.FireTimerAsync("Tick"));
            using var api = host.Api();
            using var request = new HttpRequestMessage(HttpMethod.Get, "sessions/g1/s1?q=golden");
            (await api.SendAsync(request)).EnsureSuccessStatusCode();

            string Invocation(string function) => Golden.Render(sent.Select(m => m.InvocationRequest).First(r => r is not null && functions[r.FunctionId] == function), app);
            Golden.AssertMatches("WorkerInitRequest", Golden.Render(sent.First(m => m.WorkerInitRequest is not null), app));
            Golden.AssertMatches("FunctionsMetadataRequest", Golden.Render(sent.First(m => m.FunctionsMetadataRequest is not null), app));
            Golden.AssertMatches("FunctionLoadRequest.PlanSession", Golden.Render(sent.Select(m => m.FunctionLoadRequest).First(r => r?.Metadata.Name == "PlanSession")!, app));
            Golden.AssertMatches("InvocationRequest.Queue", Invocation("CutClip"));
            Golden.AssertMatches("InvocationRequest.Blob", Invocation("PlanSession"));
            Golden.AssertMatches("InvocationRequest.Timer", Invocation("Tick"));
            Golden.AssertMatches("InvocationRequest.Http", Invocation("GetSession"));
        }
        Golden.AssertMatches("WorkerTerminate", Golden.Render(sent.Last(m => m.WorkerTerminate is not null), app));
    }
}
