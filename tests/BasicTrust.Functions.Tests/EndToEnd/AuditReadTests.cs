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

    [Fact]
    public async Task Filters_KeepACasesAPersonsAndAnActionsEntries_AndTheCsvHoldsTheWholeDayInUtc()
    {
        var day = "2001-01-03";
        var (a, b) = (People.TherapistA.ObjectId, People.TherapistB.ObjectId);
        string[] lines =
        [
            $$"""{"at":"{{day}}T09:00:00+00:00","who":"{{a}}","action":"read-link","target":"reels/audit-fam-1/s-1/p/reel.mp4","expiresAt":"{{day}}T10:00:00+00:00"}""",
            $$"""{"at":"{{day}}T10:30:00+01:00","who":"{{a}}","action":"share","target":"audit-fam-1/{{People.Reviewer.ObjectId}}"}""",
            $$"""{"at":"{{day}}T11:00:00+00:00","who":"{{b}}","action":"read-link","target":"clips/audit-fam-2/s-1/p/c-01.mp4"}""",
            $$"""{"at":"{{day}}T12:00:00+00:00","who":"{{b}}","action":"refused","target":"actions/read-audit"}""",
        ];
        // The part rolls over after one entry: the CSV reads every part of the day.
        var parts = new[] { AuditLog.PartName(day, 0), AuditLog.PartName(day, 1) };
        var container = stack.Blobs.GetBlobContainerClient(SessionKey.Audit);
        for (var i = 0; i < parts.Length; i++)
        {
            var blob = container.GetAppendBlobClient(parts[i]);
            await blob.DeleteIfExistsAsync();
            await blob.CreateAsync();
            var text = string.Join("\n", i == 0 ? lines[..1] : lines[1..]) + "\n";
            await blob.AppendBlockAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));
        }
        try
        {
            using var officer = stack.Api(People.PrivacyOfficer);
            async Task<string[]> Targets(string query, int part = 0)
            {
                using var response = await officer.GetAsync($"audit/{day}?part={part}&{query}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var read = (await response.Content.ReadFromJsonAsync<AuditPart>(BasicTrust.Contracts.Json.Options))!;
                return [.. read.Entries.Select(e => e.Target)];
            }
            Assert.Equal(["audit-fam-1/" + People.Reviewer.ObjectId], await Targets("case=audit-fam-1", part: 1));
            Assert.Equal(["reels/audit-fam-1/s-1/p/reel.mp4"], await Targets("case=audit-fam-1"));
            Assert.Equal(["clips/audit-fam-2/s-1/p/c-01.mp4", "actions/read-audit"], await Targets($"who={b}", part: 1));
            Assert.Equal(["clips/audit-fam-2/s-1/p/c-01.mp4"], await Targets($"who={b}&action=read-link", part: 1));
            Assert.Empty(await Targets("case=read-audit", part: 1));

            using var csv = await officer.GetAsync($"audit/{day}?format=csv&case=audit-fam-1");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"audit-{day}.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Equal(
                [
                    "at_utc,who,action,case,target,expires_at_utc,details",
                    $"{day}T09:00:00Z,{a},read-link,audit-fam-1,reels/audit-fam-1/s-1/p/reel.mp4,{day}T10:00:00Z,",
                    $"{day}T09:30:00Z,{a},share,audit-fam-1,audit-fam-1/{People.Reviewer.ObjectId},,",
                ],
                (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

            using var bad = await officer.GetAsync($"audit/{day}?case=Fam%201&who=%3Cscript%3E&action=..&format=xlsx");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadAsStringAsync();
            foreach (var field in new[] { "\"case\"", "\"who\"", "\"action\"", "\"format\"" }) Assert.Contains(field, problem);
        }
        finally
        {
            foreach (var part in parts) await container.GetAppendBlobClient(part).DeleteIfExistsAsync();
        }
    }

    [Theory]
    [InlineData("reels/fam-1/s-1/p/reel.mp4", "fam-1")]
    [InlineData("fam-1/c1000000-0000-4000-8000-00000000000c", "fam-1")]
    [InlineData("fam-1", "fam-1")]
    [InlineData("recordings/fam-1/s-1/opname.mp4", "fam-1")]
    [InlineData("actions/read-audit", null)]
    [InlineData("audit/2026-12-07/0000", null)]
    [InlineData("people/c1000000-0000-4000-8000-00000000000c", null)]
    [InlineData("GetReel", null)]
    public void CaseOf_ReadsTheCaseATargetNames(string target, string? expected) => Assert.Equal(expected, AuditLog.CaseOf(target));
}
