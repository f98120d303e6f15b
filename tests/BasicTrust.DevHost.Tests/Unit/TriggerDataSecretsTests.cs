using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Http;
using BasicTrust.DevHost.Triggers.Blob;
using Microsoft.AspNetCore.Http;

namespace BasicTrust.DevHost.Tests.Unit;

/// <summary>Keys and SAS signatures stay with the host: the worker's binding data never carries them.</summary>
public class TriggerDataSecretsTests
{
    [Fact]
    public void HttpMetadata_LeavesOutTheFunctionKey_InHeaderAndQuery()
    {
        var function = FunctionDefinition.Create("1", "F", "a.dll", "A.F", ["""{"name":"req","type":"httpTrigger","direction":"In","route":"x"}"""]);
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Functions-Key"] = "secret-key";
        context.Request.Headers["Accept"] = "text/plain";
        context.Request.QueryString = new QueryString("?Code=secret-code&q=1");

        var metadata = HttpTriggerData.Request(function, context.Request, new Dictionary<string, string>()).TriggerMetadata;

        Assert.DoesNotContain("secret", metadata["Headers"].Json + metadata["Query"].Json);
        Assert.Contains("text/plain", metadata["Headers"].Json);
        Assert.Contains("\"q\"", metadata["Query"].Json);
    }

    [Fact]
    public void BlobMetadata_UriHasNoSasSignature()
    {
        var function = FunctionDefinition.Create("1", "F", "a.dll", "A.F",
            ["""{"name":"blob","type":"blobTrigger","direction":"In","path":"c/{name}","connection":"S","properties":{"supportsDeferredBinding":"True"}}"""]);
        var blob = new BlobClient(new Uri("https://acct.blob.core.windows.net/c/b.json?sv=2024-01-01&sig=c2VjcmV0"));

        var metadata = BlobTriggerData.Request(function, blob, BlobsModelFactory.BlobProperties(), null, new Dictionary<string, string>()).TriggerMetadata;

        Assert.Equal("\"https://acct.blob.core.windows.net/c/b.json\"", metadata["Uri"].Json);
    }
}
