using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace BasicTrust.Storage.Tests;

/// <summary>
/// The path Azure takes: a client signed in with a token credential (no account key) gets links signed with a user
/// delegation key. Azurite serves that only over HTTPS with <c>--oauth basic</c>, so these tests start a second Azurite
/// with a certificate made here.
/// </summary>
public sealed class UserDelegationLinkTests(HttpsAzurite azurite) : IClassFixture<HttpsAzurite>
{
    [Fact]
    public async Task CredentialClient_GetsUserDelegationLinksThatReadTheBlob()
    {
        var counter = new CountingPolicy("comp=userdelegationkey");
        var service = azurite.Service(counter);
        var container = service.GetBlobContainerClient($"t-{Guid.NewGuid():N}");
        await container.CreateAsync();
        await container.GetBlobClient("reel.mp4").UploadAsync(BinaryData.FromString("reel"));
        Assert.False(container.GetBlobClient("reel.mp4").CanGenerateSasUri);

        var links = new BlobLinks(service, TimeProvider.System);
        var first = await links.CreateAsync(container.GetBlobClient("reel.mp4"), BlobSasPermissions.Read, TimeSpan.FromMinutes(15));
        var second = await links.CreateAsync(container.GetBlobClient("reel.mp4"), BlobSasPermissions.Read, TimeSpan.FromMinutes(15));

        Assert.Contains("skoid=", first.Query, StringComparison.Ordinal); // signed with a delegation key, not the account key
        Assert.Equal(1, counter.Count); // the key is cached, not fetched per link
        using var http = azurite.HttpClient();
        Assert.Equal("reel", await http.GetStringAsync(first));
        Assert.Equal("reel", await http.GetStringAsync(second));
        var write = await Assert.ThrowsAsync<RequestFailedException>(() => azurite.Blob(first).UploadAsync(BinaryData.FromString("x"), overwrite: true));
        Assert.Equal(403, write.Status);
    }
}

/// <summary>An Azurite blob service on HTTPS with OAuth, its certificate made for this run.</summary>
public sealed class HttpsAzurite : IAsyncLifetime
{
    readonly string _folder = Directory.CreateTempSubdirectory("bt-azurite-https-").FullName;
    X509Certificate2 _certificate = null!;
    Process _process = null!;
    int _port;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(Path.Combine(_folder, "cert.pem"), _certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(_folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());

        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); _port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "tools", "azurite", "node_modules", ".bin", "azurite-blob"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", $"{_port}", "--location", _folder, "--oauth", "basic",
                     "--cert", Path.Combine(_folder, "cert.pem"), "--key", Path.Combine(_folder, "key.pem"), "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        for (var waited = 0; ; waited += 100)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _port);
                return;
            }
            catch (SocketException) when (waited < 30_000 && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A client that signs in with a token (no account key), trusting only this run's certificate.</summary>
    public BlobServiceClient Service(CountingPolicy counter)
    {
        var options = counter.AddTo(StorageClientDefaults.Blobs());
        options.Transport = new HttpClientTransport(Handler());
        return new BlobServiceClient(new Uri($"https://127.0.0.1:{_port}/devstoreaccount1"), new UnsignedEntraToken(), options);
    }

    public HttpClient HttpClient() => new(Handler());

    /// <summary>A client for a link: the link is its only credential.</summary>
    public BlobClient Blob(Uri link) => new(link, new BlobClientOptions { Transport = new HttpClientTransport(Handler()) });

    SocketsHttpHandler Handler() => new()
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _certificate.Thumbprint },
    };

    public Task DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BasicTrust.Functions.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (BasicTrust.Functions.sln) was not found above the test binaries.");
    }

    /// <summary>
    /// An Entra-shaped access token for storage. Azurite's basic OAuth checks issuer, audience and lifetime, not the
    /// signature, so the token is signed by nobody.
    /// </summary>
    sealed class UnsignedEntraToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var now = DateTimeOffset.UtcNow;
            var tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
            static string Part(object value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));
            var token = string.Join('.',
                Part(new { alg = "RS256", typ = "JWT" }),
                Part(new
                {
                    aud = "https://storage.azure.com", iss = $"https://sts.windows.net/{tenant}/", tid = tenant,
                    oid = Guid.NewGuid(), iat = now.AddMinutes(-5).ToUnixTimeSeconds(), nbf = now.AddMinutes(-5).ToUnixTimeSeconds(),
                    exp = now.AddHours(1).ToUnixTimeSeconds(),
                }),
                Base64Url(Encoding.ASCII.GetBytes("unsigned")));
            return new AccessToken(token, now.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));

        static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
