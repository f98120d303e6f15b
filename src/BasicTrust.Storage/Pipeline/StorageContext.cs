using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using BasicTrust.Storage.Auth;

namespace BasicTrust.Storage.Pipeline;

/// <summary>
/// What every client shares: the HTTP pipeline (retries, signing), the credential it signs SAS with,
/// and the options. Holds the one request shape: build → send → map status.
/// </summary>
sealed class StorageContext
{
    const string TokenScope = "https://storage.azure.com/.default";

    StorageContext(HttpPipeline pipeline, StorageClientOptions options, StorageSharedKeyCredential? sharedKey)
    {
        Pipeline = pipeline;
        Options = options;
        SharedKey = sharedKey;
    }

    public HttpPipeline Pipeline { get; }
    public StorageClientOptions Options { get; }
    public StorageSharedKeyCredential? SharedKey { get; }
    public TimeProvider Clock => Options.TimeProvider;

    public static StorageContext ForSharedKey(StorageSharedKeyCredential credential, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        return new StorageContext(Build(options, new SharedKeyPolicy(credential, options.TimeProvider)), options, credential);
    }

    public static StorageContext ForToken(TokenCredential credential, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        return new StorageContext(Build(options, new BearerTokenAuthenticationPolicy(credential, TokenScope)), options, null);
    }

    /// <summary>For URIs that carry their own SAS: no Authorization header at all.</summary>
    public static StorageContext Anonymous(StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        return new StorageContext(Build(options, null), options, null);
    }

    public static StorageContext FromConnectionString(StorageConnectionString parsed, StorageClientOptions? options) =>
        parsed.SharedKey is { } key ? ForSharedKey(key, options) : Anonymous(options);

    static HttpPipeline Build(StorageClientOptions options, HttpPipelinePolicy? auth)
    {
        if (options.Transport is null || options.Transport == HttpClientTransport.Shared)
            options.Transport = DefaultTransport;
        var pipelineOptions = new HttpPipelineOptions(options) { ResponseClassifier = new StorageResponseClassifier() };
        pipelineOptions.PerCallPolicies.Add(new VersionPolicy(options.ServiceVersion));
        if (auth is not null) pipelineOptions.PerRetryPolicies.Add(auth);
        return HttpPipelineBuilder.Build(pipelineOptions);
    }

    // Azurite closes idle connections after 5 s; drop pooled ones sooner so a request after a pause
    // does not start on a dead socket. Never decompress: lengths must match what storage holds.
    static readonly HttpClientTransport DefaultTransport = new(new SocketsHttpHandler
    {
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(3),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    });

    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        return message;
    }

    /// <summary>
    /// Sends and throws a redacted <see cref="RequestFailedException"/> for any status ≥ 400 except
    /// <paramref name="tolerated"/> (e.g. 404 for "exists?"), which is returned for the caller to read.
    /// </summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, int? tolerated = null)
    {
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status < 400 || response.Status == tolerated) return response;
        if (response.ContentStream is { } stream and not MemoryStream)
        {
            // Streaming downloads leave the body unread; buffer the (small) error body to read its message.
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            response.ContentStream = buffer;
        }
        throw StorageErrors.FromResponse(response, message.Request.Method.Method, message.Request.Uri.ToUri());
    }

    sealed class VersionPolicy(string version) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue("x-ms-version", version);
    }
}
