using BasicTrust.DevHost.Outputs;
using BasicTrust.DevHost.Rpc;
using Google.Protobuf;

namespace BasicTrust.DevHost.Tests.Unit;

/// <summary>How a returned TypedData becomes queue messages, as the host's collector binds it.</summary>
public class QueueMessagesTests
{
    [Fact]
    public void JsonArray_IsOneMessagePerElement() =>
        Assert.Equal(["""{"A":1}""", "text"], QueueMessages.Split(new TypedData { Json = """[{"A":1},"text"]""" }));

    [Fact]
    public void JsonObject_IsOneMessage() =>
        Assert.Equal(["""{"A":1}"""], QueueMessages.Split(new TypedData { Json = """{"A":1}""" }));

    [Fact]
    public void JsonString_IsItsText() => Assert.Equal(["done"], QueueMessages.Split(new TypedData { Json = "\"done\"" }));

    [Fact]
    public void String_IsOneMessageEvenWhenItLooksLikeAnArray() =>
        Assert.Equal(["[1,2]"], QueueMessages.Split(new TypedData { String = "[1,2]" }));

    [Fact]
    public void Collections_AndBytes_AreSplitOrKept()
    {
        Assert.Equal(["a", "b"], QueueMessages.Split(new TypedData { CollectionString = new CollectionString { String = { "a", "b" } } }));
        Assert.Equal(["hi"], QueueMessages.Split(new TypedData { Bytes = ByteString.CopyFromUtf8("hi") }));
        Assert.Equal(["42"], QueueMessages.Split(new TypedData { Int = 42 }));
    }
}
