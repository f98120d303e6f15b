using Azure.Core;
using Azure.Core.Pipeline;

namespace BasicTrust.Storage.Auth;

/// <summary>
/// Signs every attempt with Shared Key. It runs per retry so each retry gets a fresh x-ms-date and signature.
/// </summary>
sealed class SharedKeyPolicy(StorageSharedKeyCredential credential, TimeProvider clock) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", clock.GetUtcNow().ToString("R"));
        long? length = request.Content is { } content && content.TryComputeLength(out var l) ? l : null;
        var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value));
        var stringToSign = SharedKeyStringToSign.Build(request.Method.Method, request.Uri.ToUri(), headers, length, credential.AccountName);
        request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{credential.ComputeHmacSha256(stringToSign)}");
    }
}
