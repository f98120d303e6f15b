using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Worker;

/// <summary>How a reply is matched to its request: by type for one-off exchanges, by id for loads and invocations.</summary>
public static class ReplyKeys
{
    public const string Init = "init";
    public const string Metadata = "metadata";
    public static string Load(string functionId) => "load:" + functionId;
    public static string Invocation(string invocationId) => "invocation:" + invocationId;

    /// <summary>The key a message from the worker completes, or null when it is not a reply.</summary>
    public static string? Of(StreamingMessage message) => message.ContentCase switch
    {
        StreamingMessage.ContentOneofCase.WorkerInitResponse => Init,
        StreamingMessage.ContentOneofCase.FunctionMetadataResponse => Metadata,
        StreamingMessage.ContentOneofCase.FunctionLoadResponse => Load(message.FunctionLoadResponse.FunctionId),
        StreamingMessage.ContentOneofCase.InvocationResponse => Invocation(message.InvocationResponse.InvocationId),
        _ => null,
    };
}
