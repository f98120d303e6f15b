using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Triggers.Blob;

/// <summary>
/// The invocation for a blob, as the Storage extension binds it. When the function takes a reference (see
/// <see cref="FunctionDefinition.SendsReference"/>) the trigger value is one the worker opens itself
/// ({Connection, ContainerName, BlobName}); otherwise the blob's content: bytes for <c>dataType</c> binary or stream,
/// else its text, whose JSON properties then join the metadata as for a queue message. Metadata: the blob path, its
/// URI, properties and metadata, and one entry per path token.
/// </summary>
public static class BlobTriggerData
{
    /// <summary>The <c>ModelBindingData</c> content; PascalCase on purpose, the worker reads it case-sensitively.</summary>
    public sealed record BlobReference(string Connection, string ContainerName, string BlobName);

    public static InvocationRequest Request(FunctionDefinition function, BlobClient blob, BlobProperties properties, BinaryData? content, IReadOnlyDictionary<string, string> tokens)
    {
        var request = Invocations.New(function.Id);
        var value = content is null
            ? TypedDataValues.ModelBinding("AzureStorageBlobs", new BlobReference(function.Trigger.Connection, blob.BlobContainerName, blob.Name))
            : function.Trigger.IsBinary ? TypedDataValues.Bytes(content.ToMemory().Span) : TypedDataValues.Text(content.ToString());
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = value });
        var metadata = request.TriggerMetadata;
        metadata["BlobTrigger"] = TypedDataValues.Text($"{blob.BlobContainerName}/{blob.Name}");
        // Without the query: over a SAS connection it holds the signature.
        metadata["Uri"] = TypedDataValues.Json(blob.Uri.GetLeftPart(UriPartial.Path));
        metadata["Properties"] = TypedDataValues.Json(Properties(properties));
        metadata["Metadata"] = TypedDataValues.Json(properties.Metadata);
        foreach (var (token, tokenValue) in tokens) metadata[token] = TypedDataValues.Text(tokenValue);
        if (value.DataCase == TypedData.DataOneofCase.String) JsonProperties.AddTo(metadata, value.String);
        return request;
    }

    // The real host sends the SDK's whole BlobProperties; these are the members a function reads in practice.
    static object Properties(BlobProperties p) => new
    {
        p.ContentType,
        p.ContentLength,
        p.ContentEncoding,
        ETag = p.ETag.ToString(),
        p.LastModified,
        p.CreatedOn,
        BlobType = p.BlobType.ToString(),
        ContentMD5 = p.ContentHash is { Length: > 0 } hash ? Convert.ToBase64String(hash) : null,
    };
}
