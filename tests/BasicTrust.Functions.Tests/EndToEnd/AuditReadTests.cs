using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Blobs.Specialized;
using BasicTrust.Contracts.Api;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The audit log as the privacy officer reads it: entries as the contract's records, a torn line kept apart.</summary>
[Collection("pipeline")]
public class AuditReadTests(PipelineFixture stack)
{
    [Fact]
    public async Task ADaysPart_GivesItsEntries_AndATornLineAsUnreadable()
    {
        // A day of its own (no other test writes to it), with one entry as AuditLog writes it and a torn write after it.
        var day = "2001-01-01";
        var part = stack.Blobs.GetBlobContainerClient(SessionKey.Audit).GetAppendBlobClient(AuditLog.PartName(day, 0));
        await part.DeleteIfExistsAsync();
        await part.CreateAsync();
        var entry = $$"""{"at":"{{day}}T09:00:00+00:00","who":"{{People.TherapistA.ObjectId}}","action":"read-link","target":"reels/fam-1/s-1/x/reel.mp4"}""";
        await part.AppendBlockAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(entry + "\n{\"at\":\"2001-01-01T09:0")));

        AuditPart read;
        try
        {
            using var officer = stack.Api(People.PrivacyOfficer);
            using var response = await officer.GetAsync($"audit/{day}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            read = (await response.Content.ReadFromJsonAsync<AuditPart>(BasicTrust.Contracts.Json.Options))!;
        }
        finally
        {
            // Other tests read every line of the audit container.
            await part.DeleteIfExistsAsync();
        }
        var only = Assert.Single(read.Entries);
        Assert.Equal((People.TherapistA.ObjectId, "read-link", "reels/fam-1/s-1/x/reel.mp4"), (only.Who, only.Action, only.Target));
        Assert.Equal("{\"at\":\"2001-01-01T09:0", Assert.Single(read.Unreadable));
    }
}
