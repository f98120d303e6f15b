namespace BasicTrust.Web.Tests;

/// <summary>Tags to and from the tools therapists and researchers code in: ELAN, BORIS and CSV, from the editor.</summary>
[Collection("web")]
public sealed class TagFilesTests(WebFixture web)
{
    [Fact]
    public async Task Therapist_ImportsAPlainElanFile_ThenExportsTheTagsForElanBorisAndCsv_AndTheEditorReadsTheElanFileBack()
    {
        const string caseId = "web-tag-files";
        const string sessionId = "s1";
        await web.CreateCaseAsync(caseId);
        // As ELAN users write it: a tier per person, the codes of a controlled vocabulary as the values.
        var elan = Path.Combine(web.Folder, "moeder.eaf");
        await File.WriteAllTextAsync(elan, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-11-20T10:00:00+01:00" FORMAT="3.0" VERSION="3.0">
              <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
              <TIME_ORDER>
                <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="3000"/>
                <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="8000"/><TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="10000"/>
              </TIME_ORDER>
              <TIER LINGUISTIC_TYPE_REF="codes" TIER_ID="Moeder">
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>benoemen</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4"><ANNOTATION_VALUE>signaal-gemist</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
              </TIER>
            </ANNOTATION_DOCUMENT>
            """);

        await using var browser = await web.OpenAsync(Person.TherapistA);
        var page = browser.Page;
        await browser.GoAsync($"/cases/{caseId}/sessions/{sessionId}");
        await page.GetByLabel("Opname", new() { Exact = true }).SetInputFilesAsync(web.Recording);
        var import = page.GetByLabel("Tags importeren");
        await import.SetInputFilesAsync(elan);
        var rows = page.Locator("#tag-list tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        // The values are the labels, not private notes named after the tier.
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Benoemen");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Signaal gemist");
        await Assertions.Expect(page.Locator("#plan-summary")).ToContainTextAsync("2 fragmenten");

        // Each export is a download link the page offers, named by the ids.
        foreach (var (button, name) in new[] { ("ELAN (.eaf)", $"{caseId}-{sessionId}.eaf"), ("BORIS (.csv)", $"{caseId}-{sessionId}-boris.csv"), ("CSV", $"{caseId}-{sessionId}.csv") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync());
            Assert.Equal(name, download.SuggestedFilename);
            await Assertions.Expect(page.Locator("#export-link")).ToHaveAttributeAsync("download", name);
            var text = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Contains("signaal-gemist", text);
            if (name.EndsWith(".eaf", StringComparison.Ordinal))
            {
                Assert.Contains("TIER_ID=\"Ouder\"", text);
                await File.WriteAllTextAsync(Path.Combine(web.Folder, name), text);
            }
        }

        // The ELAN file read back: the same two moments again, beside the first two.
        await import.SetInputFilesAsync(Path.Combine(web.Folder, $"{caseId}-{sessionId}.eaf"));
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#import-problems")).ToBeEmptyAsync();
        Assert.Empty(browser.Problems);
    }
}
