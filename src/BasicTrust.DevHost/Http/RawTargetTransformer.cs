using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace BasicTrust.DevHost.Http;

/// <summary>
/// Forwards the request target exactly as the client sent it: Kestrel decodes and normalises the path it exposes
/// (<c>%5C</c>, <c>..</c>), and System.Uri would compact dot segments too, so the raw target is used with URI
/// canonicalisation off. Adds <c>x-ms-invocation-id</c>, which pairs the request with its gRPC invocation.
/// </summary>
public sealed class RawTargetTransformer(string invocationId) : HttpTransformer
{
    public const string InvocationHeader = "x-ms-invocation-id";

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        if (httpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { } raw && raw.StartsWith('/'))
            proxyRequest.RequestUri = new Uri(destinationPrefix.TrimEnd('/') + raw, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        proxyRequest.Headers.Remove(InvocationHeader);
        proxyRequest.Headers.TryAddWithoutValidation(InvocationHeader, invocationId);
    }
}
