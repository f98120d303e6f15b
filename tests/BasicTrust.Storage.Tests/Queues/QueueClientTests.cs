using Azure;
using BasicTrust.Storage.Queues;

namespace BasicTrust.Storage.Tests.Queues;

public class QueueClientTests
{
    [Fact]
    public async Task SendReceiveDelete_RoundTripsTextWithXmlCharacters()
    {
        await using var q = await Azurite.NewQueueAsync();
        const string text = "{\"caseId\":\"fam-1\",\"note\":\"café & <co>\"}";

        await q.Client.SendMessageAsync(text);
        var message = Assert.Single((await q.Client.ReceiveMessagesAsync(maxMessages: 32)).Value);

        Assert.Equal(text, message.MessageText);
        Assert.Equal(1, message.DequeueCount);
        await q.Client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        Assert.Equal(0, (await q.Client.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Base64Encoding_PutsBase64OnTheWireAndDecodesOnReceipt()
    {
        await using var q = await Azurite.NewQueueAsync(QueueMessageEncoding.Base64);
        await q.Client.SendMessageAsync("{\"n\":\"zoë\"}");

        var raw = new QueueClient(Azurite.ConnectionString, q.Client.Name);
        Assert.Equal("eyJuIjoiem/DqyJ9", Assert.Single((await raw.PeekMessagesAsync()).Value).MessageText);
        Assert.Equal("{\"n\":\"zoë\"}", Assert.Single((await q.Client.ReceiveMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task ReceivedMessage_IsInvisibleUntilItsTimeoutThenReturnsWithHigherDequeueCount()
    {
        await using var q = await Azurite.NewQueueAsync();
        await q.Client.SendMessageAsync("job");

        var first = Assert.Single((await q.Client.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value);
        Assert.Empty((await q.Client.ReceiveMessagesAsync()).Value);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = Assert.Single((await q.Client.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        // The first receipt no longer owns the message.
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => q.Client.DeleteMessageAsync(first.MessageId, first.PopReceipt));
        Assert.Contains(stale.Status, new[] { 400, 404 });
        await q.Client.DeleteMessageAsync(second.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task UpdateMessage_ExtendsInvisibilityAndReplacesText()
    {
        await using var q = await Azurite.NewQueueAsync();
        await q.Client.SendMessageAsync("v1");
        var received = Assert.Single((await q.Client.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value);

        var receipt = (await q.Client.UpdateMessageAsync(received.MessageId, received.PopReceipt, "v2", TimeSpan.FromSeconds(30))).Value;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty((await q.Client.ReceiveMessagesAsync()).Value);

        await q.Client.UpdateMessageAsync(received.MessageId, receipt.PopReceipt, null, TimeSpan.Zero);
        Assert.Equal("v2", Assert.Single((await q.Client.ReceiveMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task SendWithVisibilityDelay_HidesTheMessageAndPeekDoesNotDequeue()
    {
        await using var q = await Azurite.NewQueueAsync();
        await q.Client.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(30), timeToLive: TimeSpan.FromMinutes(5));
        var receipt = (await q.Client.SendMessageAsync("now", timeToLive: TimeSpan.FromSeconds(-1))).Value;

        var peeked = Assert.Single((await q.Client.PeekMessagesAsync(32)).Value);
        Assert.Equal("now", peeked.MessageText);
        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal(9999, receipt.ExpirationTime!.Value.Year);
        Assert.Equal(2, (await q.Client.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task CreateIfNotExists_ReportsWhetherItCreated()
    {
        var queue = new QueueClient(Azurite.ConnectionString, Azurite.UniqueName("q"));
        Assert.True(await queue.CreateIfNotExistsAsync());
        Assert.False(await queue.CreateIfNotExistsAsync());
        Assert.True(await queue.DeleteIfExistsAsync());
        Assert.False(await queue.DeleteIfExistsAsync());
    }
}
