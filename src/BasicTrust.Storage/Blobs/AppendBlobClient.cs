using Azure;
using Azure.Core;
using BasicTrust.Storage.Pipeline;

namespace BasicTrust.Storage.Blobs;

/// <summary>An append blob: an audit log that is only ever added to.</summary>
public sealed class AppendBlobClient : BlobClient
{
    internal AppendBlobClient(Uri blobUri, StorageContext context) : base(blobUri, context) { }

    /// <summary>Creates an empty append blob; false if one already exists (it is left as it is).</summary>
    public async Task<bool> CreateIfNotExistsAsync(BlobHttpHeaders? httpHeaders = null, CancellationToken cancellationToken = default)
    {
        using var message = Context.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Headers.SetValue("x-ms-blob-type", "AppendBlob");
        message.Request.Headers.SetValue("If-None-Match", "*");
        if (httpHeaders?.ContentType is { } type) message.Request.Headers.SetValue("x-ms-blob-content-type", type);
        try
        {
            await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Appends one block (up to 100 MiB) to the end of the blob.</summary>
    public async Task<Response<BlobContentInfo>> AppendBlockAsync(BinaryData content, CancellationToken cancellationToken = default)
    {
        using var message = Context.CreateMessage(RequestMethod.Put, StorageUri.WithQuery(Uri, ("comp", "appendblock")));
        message.Request.Content = RequestContent.Create(content);
        var response = await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobHeaders.ReadContentInfo(response), response);
    }
}
