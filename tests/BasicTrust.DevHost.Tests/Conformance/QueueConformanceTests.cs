using System.Text.Json;

namespace BasicTrust.DevHost.Tests.Conformance;

/// <summary>
/// What the worker repository's end-to-end suite checks of queues and timers on the real host, checked on the DevHost
/// with the sample app's Conformance functions: each case sends its own id and waits for its own answer.
/// </summary>
[Collection("storage")]
public class QueueConformanceTests(ConformanceHost fixture) : IClassFixture<ConformanceHost>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    TestHost Host => fixture.Host;

    static string NewId() => Guid.NewGuid().ToString("N");

    async Task<string> AnswerAsync(string queue, string id) => Assert.Single(await AnswersAsync(queue, id, 1));

    async Task<List<string>> AnswersAsync(string queue, string id, int count)
    {
        var answers = await Azurite.ReceiveMatchingAsync(queue, m => m.Contains(id, StringComparison.Ordinal), count, Patience);
        Assert.True(answers.Count == count, $"{answers.Count} of {count} answers on {queue}.{Environment.NewLine}{Host.Log}");
        return answers;
    }

    [Fact]
    public async Task StringTrigger_ToStringOutput_SameText()
    {
        var id = NewId();
        await Azurite.SendAsync("conf-string", id);
        Assert.Equal(id, await AnswerAsync("conf-string-out", id));
    }

    [Fact]
    public async Task PocoTrigger_WithAnIdProperty_ToPocoOutput_NotPoisoned()
    {
        var id = NewId();
        await Azurite.SendAsync("conf-poco", JsonSerializer.Serialize(new { id }));
        var answer = JsonDocument.Parse(await AnswerAsync("conf-poco-out", id)).RootElement;
        Assert.Equal(id, answer.GetProperty("Id").GetString());
    }

    [Theory]
    [InlineData("conf-array")]
    [InlineData("conf-list")]
    public async Task CollectionOutput_IsOneMessagePerElement(string queue)
    {
        var id = NewId();
        await Azurite.SendAsync(queue, id);
        Assert.Equal([id + "|1", id + "|2"], (await AnswersAsync(queue + "-out", id, 2)).Order());
    }

    [Fact]
    public async Task BindingData_HasTheQueueTriggerMetadata()
    {
        var id = NewId();
        var messageId = await Azurite.SendAsync("conf-binding-data", id);
        var entries = (await AnswerAsync("conf-binding-data-out", messageId)).Split('\n').Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(id, entries["QueueTrigger"]);
        Assert.Equal(messageId, entries["Id"]);
        Assert.Equal("1", entries["DequeueCount"]);
        Assert.All((string[])["InsertionTime", "ExpirationTime", "NextVisibleTime", "PopReceipt"], key => Assert.Contains(key, entries.Keys));
    }

    [Fact]
    public async Task JsonWithMetadataNames_OverwritesThemCaseInsensitively_InsteadOfFailing()
    {
        var id = NewId();
        await Azurite.SendAsync("conf-binding-data", JsonSerializer.Serialize(new { id, dequeueCount = 7, Note = id }));
        var lines = (await AnswerAsync("conf-binding-data-out", id)).Split('\n');
        // One key per name whatever its case, holding the message's value, as the host's case-insensitive binding data.
        Assert.Contains($"Id={id}", lines);
        Assert.Contains("DequeueCount=7", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("id=", StringComparison.Ordinal) || l.StartsWith("dequeueCount=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TriggerMetadata_BindsToParametersByName()
    {
        var id = NewId();
        var messageId = await Azurite.SendAsync("conf-metadata", id);
        Assert.Equal($"{id} {messageId} 1", await AnswerAsync("conf-metadata-out", id));
    }

    [Fact]
    public async Task IdInAnOutputName_IsTheMessageId_OrTheIdOfItsJson()
    {
        var text = NewId();
        var messageId = await Azurite.SendAsync("conf-id", text);
        Assert.Equal(text, await AnswerAsync($"conf-id-{messageId}", text));

        var jsonId = NewId();
        var json = JsonSerializer.Serialize(new { id = jsonId });
        await Azurite.SendAsync("conf-id", json);
        Assert.Equal(json, await AnswerAsync($"conf-id-{jsonId}", jsonId));
    }

    [Fact]
    public async Task QueueMessageTrigger_GetsTheMessage()
    {
        var id = NewId();
        var messageId = await Azurite.SendAsync("conf-queuemessage", id);
        Assert.Equal($"{id} {messageId} 1", await AnswerAsync("conf-queuemessage-out", id));
    }

    [Fact]
    public async Task BinaryDataTrigger_GetsTheText()
    {
        var id = NewId();
        await Azurite.SendAsync("conf-binarydata", id);
        Assert.Equal(id, await AnswerAsync("conf-binarydata-out", id));
    }

    [Fact]
    public async Task TimerInfo_HasItsScheduleStatus()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.True(await Host.Host.FireTimerAsync("ConfTimer"), Host.Log.ToString());
        var info = JsonDocument.Parse(await AnswerAsync("conf-timer-out", "ScheduleStatus")).RootElement;
        var status = info.GetProperty("ScheduleStatus");
        Assert.True(status.GetProperty("Last").GetDateTimeOffset() >= before);
        Assert.True(status.GetProperty("Next").GetDateTimeOffset() > status.GetProperty("Last").GetDateTimeOffset());
        Assert.True(status.GetProperty("LastUpdated").GetDateTimeOffset() >= before);
        Assert.False(info.GetProperty("IsPastDue").GetBoolean());
    }
}
