using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using BasicTrust.DevHost.Triggers.Blob.EventGrid;

namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>
/// Blob triggers with <c>source: EventGrid</c> (the sample app's EventPlan): events from the stand-in for Event Grid,
/// delivered at least once to the blob webhook, run through the host's blob queue; retries, dead-letter and poison.
/// </summary>
[Collection("storage")]
public class BlobEventTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    static string NewCase() => "g" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The runs of this case's blobs (what EventPlan wrote), once <paramref name="count"/> arrived or <paramref name="within"/> passed.</summary>
    static Task<List<string>> RunsAsync(string caseId, int count, TimeSpan within) =>
        Azurite.ReceiveMatchingAsync("blob-events", m => m.StartsWith(caseId + " ", StringComparison.Ordinal), count, within);

    static async Task<BlobClient> UploadAsync(string caseId, string text, string session = "s1")
    {
        var container = Azurite.Blobs.GetBlobContainerClient("events");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient($"{caseId}/{session}/session.json");
        await blob.UploadAsync(BinaryData.FromString(text), overwrite: true);
        return blob;
    }

    static Task<TestHost> StartAsync(BlobEventDelivery? delivery = null, bool requireSignIn = false) =>
        TestHost.StartAsync(configure: o => o with
        {
            BlobEvents = delivery ?? new BlobEventDelivery { RetryDelays = [TimeSpan.FromMilliseconds(100)] },
            RequireSignIn = requireSignIn,
        });

    [Fact]
    public async Task NewAndChangedBlobs_RunOncePerEvent_AndBlobsFromBeforeTheStartGetNone()
    {
        await Azurite.ResetAsync();
        var (before, caseId) = (NewCase(), NewCase());
        await UploadAsync(before, "old");
        await using var host = await StartAsync();

        var first = await UploadAsync(caseId, "one");
        var ran = await RunsAsync(caseId, 1, Patience);
        Assert.True(ran.Count == 1, host.Log.ToString());
        Assert.Equal($"{caseId} s1 {(await first.GetPropertiesAsync()).Value.ETag} one", ran[0]);

        await UploadAsync(caseId, "two"); // a new version is a new event
        var again = await RunsAsync(caseId, 1, Patience);
        Assert.EndsWith(" two", Assert.Single(again));

        await Task.Delay(Quiet);
        Assert.Empty(await RunsAsync(caseId, 1, Quiet));
        Assert.Empty(await RunsAsync(before, 1, Quiet));
        // The subscription's filter (ends with /session.json) keeps other blobs of the container away.
        await Azurite.Blobs.GetBlobContainerClient("events").GetBlobClient($"{caseId}/s1/recording.mp4").UploadAsync(BinaryData.FromString("x"));
        await Task.Delay(Quiet);
        Assert.DoesNotContain(host.Log.Lines, l => l.Contains("outside", StringComparison.Ordinal));
        Assert.Equal(2, host.Log.Lines.Count(l => l.Contains("Executed EventPlan", StringComparison.Ordinal) && l.Contains("Succeeded", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task LostDelivery_IsRetriedOnTheSchedule_AndTheBlobStillRuns()
    {
        await Azurite.ResetAsync();
        var caseId = NewCase();
        await using var host = await StartAsync(new BlobEventDelivery
        {
            RetryDelays = [TimeSpan.FromMilliseconds(200)],
            Lose = (e, attempt) => e.BlobName.StartsWith(caseId, StringComparison.Ordinal) && attempt < 3,
        });

        await UploadAsync(caseId, "late");

        Assert.Single(await RunsAsync(caseId, 1, Patience));
        Assert.Equal(2, host.Log.Lines.Count(l => l.Contains("to EventPlan failed (lost)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EveryDeliveryLost_TheEventIsDeadLettered_AndTheFunctionNeverRuns()
    {
        await Azurite.ResetAsync();
        var caseId = NewCase();
        await using var host = await StartAsync(new BlobEventDelivery { RetryDelays = [TimeSpan.FromMilliseconds(100)], MaxDeliveryAttempts = 3, Lose = (_, _) => true });

        await UploadAsync(caseId, "never");

        var dead = Azurite.Blobs.GetBlobContainerClient("eventgrid-deadletter");
        var letter = await WaitForBlobAsync(dead, Patience);
        Assert.True(letter is not null, host.Log.ToString());
        Assert.StartsWith("DEVSTOREACCOUNT1/BLOB-EVENTPLAN/", letter.Name);
        var json = JsonNode.Parse((await dead.GetBlobClient(letter.Name).DownloadContentAsync()).Value.Content.ToString())!.AsArray().Single()!;
        Assert.Equal("MaxDeliveryAttemptsExceeded", (string?)json["deadLetterReason"]);
        Assert.Equal(3, (int?)json["deliveryAttempts"]);
        Assert.Equal($"/blobServices/default/containers/events/blobs/{caseId}/s1/session.json", (string?)json["subject"]);
        Assert.Empty(await RunsAsync(caseId, 1, Quiet));
    }

    [Fact]
    public async Task FailingFunction_AfterFiveAttempts_GoesToThePoisonQueueBesideTheBlob()
    {
        await Azurite.ResetAsync();
        var caseId = NewCase();
        await using var host = await StartAsync();

        await UploadAsync(caseId, "fail");

        var poison = await Azurite.ReceiveMatchingAsync("webjobs-blobtrigger-poison", m => m.Contains(caseId, StringComparison.Ordinal), 1, TimeSpan.FromSeconds(40));
        Assert.True(poison.Count == 1, host.Log.ToString());
        var message = JsonNode.Parse(poison[0])!;
        Assert.Equal("Host.Functions.EventPlan", (string?)message["FunctionId"]);
        Assert.Equal("events", (string?)message["ContainerName"]);
        Assert.Equal($"{caseId}/s1/session.json", (string?)message["BlobName"]);
        Assert.Equal(5, host.Log.Lines.Count(l => l.Contains("Executed EventPlan", StringComparison.Ordinal) && l.Contains("Failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Webhook_AnswersAsTheStorageExtension_WithTheKey_AndWithoutASignIn()
    {
        await Azurite.ResetAsync();
        await using var host = await StartAsync(requireSignIn: true);
        using var client = new HttpClient { BaseAddress = new Uri(host.Host.ApiBaseAddress!, "/") };
        var url = $"runtime/webhooks/blobs?functionName=Host.Functions.EventPlan&code={TestHost.Key}";

        using var validation = await PostAsync(client, url, "SubscriptionValidation", """[{"id":"1","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc-123"}}]""");
        Assert.Equal(HttpStatusCode.OK, validation.StatusCode);
        Assert.Equal("abc-123", (string?)JsonNode.Parse(await validation.Content.ReadAsStringAsync())!["validationResponse"]);

        using var noKey = await PostAsync(client, "runtime/webhooks/blobs?functionName=Host.Functions.EventPlan", "Notification", "[]");
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        using var unknown = await PostAsync(client, url, "Something", "[]");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var noUrl = await PostAsync(client, url, "Notification", """[{"data":{}}]""");
        Assert.Equal(HttpStatusCode.BadRequest, noUrl.StatusCode);
        using var none = await PostAsync(client, url, "Notification", "[]");
        Assert.Equal(HttpStatusCode.Accepted, none.StatusCode);
    }

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string eventType, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("aeg-event-type", eventType);
        return await client.SendAsync(request);
    }

    static async Task<Azure.Storage.Blobs.Models.BlobItem?> WaitForBlobAsync(BlobContainerClient container, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await container.ExistsAsync())
                await foreach (var blob in container.GetBlobsAsync()) return blob;
            await Task.Delay(100);
        }
        return null;
    }
}
