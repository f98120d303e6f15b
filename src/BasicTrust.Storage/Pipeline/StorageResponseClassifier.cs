using Azure.Core;

namespace BasicTrust.Storage.Pipeline;

/// <summary>
/// Retries 408, 429, 500, 502, 503, 504 and the server's transient error codes, as the storage SDK does;
/// never other 4xx. Azurite's 500 FeatureNotSupported is permanent, so it is not retried.
/// </summary>
sealed class StorageResponseClassifier : ResponseClassifier
{
    static readonly HashSet<int> RetriableStatus = [408, 429, 500, 502, 503, 504];
    static readonly HashSet<string> TransientCodes = ["InternalError", "OperationTimedOut", "ServerBusy"];

    public override bool IsRetriableResponse(HttpMessage message)
    {
        var response = message.Response;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        if (code == "FeatureNotSupported") return false;
        return RetriableStatus.Contains(response.Status) || (code is not null && TransientCodes.Contains(code));
    }

    public override bool IsErrorResponse(HttpMessage message) => message.Response.Status >= 400;
}
