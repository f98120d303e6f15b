using BasicTrust.Contracts.Documents;
using System.Net;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;

namespace BasicTrust.Functions.Tests.Api;

/// <summary>The audit log against the real Azurite; a full append blob is simulated in front of it.</summary>
public class AuditLogTests
{
    static string ConnectionString => Environment.GetEnvironmentVariable("BASICTRUST_STORAGE")
        ?? throw new InvalidOperationException("BASICTRUST_STORAGE is not set: run the tests with ./test.sh, which starts Azurite.");

    [Fact]
    public async Task FullPart_RollsOverToTheNext_AndLaterEntriesGoThereAtOnce()
    {
        var day = new DateTimeOffset(2031, 1, 2, 3, 4, 5, TimeSpan.Zero).AddDays(Random.Shared.Next(10_000)); // a day no other test writes
        var full = new FullPart($"{day:yyyy-MM-dd}/0000.jsonl");
        var options = StorageClientDefaults.Blobs();
        options.Transport = new HttpClientTransport(full);
        var service = new BlobServiceClient(ConnectionString, options);
        await service.GetBlobContainerClient(SessionKey.Audit).CreateIfNotExistsAsync();
        var log = new AuditLog(new PipelineStore(service, new BlobLinks(service, TimeProvider.System)), TimeProvider.System);

        await log.WriteAsync(new AuditEntry(day, "key:abc", "read-link", "reels/c/s/p/reel.mp4"), CancellationToken.None);
        await log.WriteAsync(new AuditEntry(day, "key:abc", "purge-case", "c"), CancellationToken.None);

        var part1 = (await service.GetBlobContainerClient(SessionKey.Audit).GetBlobClient($"{AuditLog.Prefix}{day:yyyy-MM-dd}/0001.jsonl").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal(2, part1.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(1, full.Refused); // the second entry went straight to the new part
    }

    /// <summary>Answers appends to one blob as Azure does once it holds 50,000 blocks; everything else reaches Azurite.</summary>
    sealed class FullPart(string blob) : DelegatingHandler(new SocketsHttpHandler())
    {
        int _refused;
        public int Refused => _refused;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith(blob, StringComparison.Ordinal) || !request.RequestUri.Query.Contains("comp=appendblock", StringComparison.Ordinal))
                return base.SendAsync(request, cancellationToken);
            Interlocked.Increment(ref _refused);
            var response = new HttpResponseMessage(HttpStatusCode.Conflict)
            {
                Content = new StringContent("""<?xml version="1.0" encoding="utf-8"?><Error><Code>BlockCountExceedsLimit</Code><Message>The committed block count cannot exceed the maximum limit of 50,000 blocks.</Message></Error>""",
                    System.Text.Encoding.UTF8, "application/xml"),
            };
            response.Headers.Add("x-ms-error-code", "BlockCountExceedsLimit");
            return Task.FromResult(response);
        }
    }
}
