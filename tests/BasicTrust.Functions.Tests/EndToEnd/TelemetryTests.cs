using System.Text;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The worker's own traces, as an OTLP receiver gets them: one trace per session, nothing personal in it.</summary>
[Collection("pipeline")]
public class TelemetryTests(PipelineFixture stack)
{
    [Fact]
    public async Task OneSession_IsOneTrace_FromUploadThroughEveryClipToTheIndex_WithNoCaptionInAnyAttribute()
    {
        var caseId = $"case-{Guid.NewGuid():N}"[..20];
        await stack.UploadAsync(caseId, "s-1", manifest: "", stack.Recording, withManifest: false);
        using (var api = stack.Api())
        using (var put = await api.PutAsync($"sessions/{caseId}/s-1/manifest", new StringContent(
            PipelineFixture.Manifest(caseId, "s-1", (1, 3, "benoemen"), (5, 7, "spiegelen")), Encoding.UTF8, "application/json")))
            Assert.Equal(System.Net.HttpStatusCode.Accepted, put.StatusCode);
        var planId = (string)(await stack.WaitForStateAsync(caseId, "s-1", "ready"))["planId"]!;
        await stack.WaitForReviewRowAsync(caseId, "s-1", planId);

        var steps = await stack.WaitForSpansAsync(caseId, s => s.Count(x => x.Name == "index") == 1);

        var upload = Assert.Single(steps, s => s.Name == "upload");
        Assert.All(steps, s => Assert.Equal(upload.TraceId, s.TraceId));
        Assert.Equal(["clip", "clip", "index", "plan", "reel", "upload"], steps.Select(s => s.Name).Order());
        var byId = steps.ToDictionary(s => s.SpanId);
        Assert.Equal("upload", byId[steps.Single(s => s.Name == "plan").ParentSpanId].Name);
        Assert.All(steps.Where(s => s.Name == "clip"), c => Assert.Equal("plan", byId[c.ParentSpanId].Name));
        Assert.Equal("clip", byId[steps.Single(s => s.Name == "reel").ParentSpanId].Name);
        Assert.Equal("reel", byId[steps.Single(s => s.Name == "index").ParentSpanId].Name);
        Assert.All(steps, s => Assert.Equal(caseId, s.Attributes["basictrust.case_id"]));
        // Each clip counted the bytes it asked storage for (more than the tiny recording itself: each FFmpeg run's read-ahead).
        Assert.All(steps.Where(s => s.Name == "clip"), c => Assert.True(long.Parse(c.Attributes["basictrust.bytes_read"], System.Globalization.CultureInfo.InvariantCulture) > 0));

        // The manifest's captions and labels ("Moment 1 & <meer>", "benoemen") are in no attribute of any span the worker sent.
        var values = stack.Telemetry.Spans.SelectMany(s => s.Attributes.Values.Append(s.Name)).Concat(stack.Telemetry.ResourceValues).ToList();
        Assert.NotEmpty(values);
        Assert.DoesNotContain(values, v => v.Contains("Moment", StringComparison.Ordinal) || v.Contains("<meer>", StringComparison.Ordinal));
    }
}
