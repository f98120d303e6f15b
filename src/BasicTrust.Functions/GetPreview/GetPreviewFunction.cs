using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using System.Globalization;
using BasicTrust.Highlights.Validation;
using Azure;
using BasicTrust.Media.Previews;
using BasicTrust.Media.Sources;

namespace BasicTrust.Functions.GetPreview;

/// <summary>
/// <c>GET /api/sessions/{caseId}/{sessionId}/preview</c>, for the owner's editor (reviewers watch reels, never the
/// recording): <c>not-needed</c> with a read link to the recording itself, <c>offered</c> with one and the recording's
/// type (the page asks its browser, and for a preview only when it cannot play it), <c>ready</c> with one to the preview (both 15
/// minutes, audited), <c>making</c> with the reason (for a sentence on the page), or <c>failed</c>; 404 until a
/// recording has been checked. A preview made in segments lists them, with read links to the made ones from
/// <c>?from=</c> (a segment's number, 0 unless given) on, at most <see cref="LinksPerAnswer"/> at a time: the page
/// appends them in order and asks for the next ones as it goes.
/// </summary>
public sealed class GetPreviewFunction(PipelineStore store, ReadLinks links, MediaLimits limits, TimeProvider clock)
{
    /// <summary>Enough links for a minute or more of playback at the default segment length; each one is audited.</summary>
    public const int LinksPerAnswer = 6;

    [Function("GetPreview"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Results<Ok<PreviewAnswer>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{caseId}/{sessionId}/preview")] HttpRequest request)
    {
        var (context, call) = (request.HttpContext, CaseCall.Of(request));
        var session = call.Session;
        var from = 0;
        if (request.Query["from"].FirstOrDefault() is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out from) || from > 100_000))
            return ApiResults.BadRequest("api.segment.detail", [FieldProblem.Create("from", "segment", "problem.segment")]);
        if ((await store.ReadAsync<PreviewDocument>(SessionKey.Pipeline, session.Preview, context.RequestAborted)).Value is not { } stored)
            return ApiResults.NotFound("api.no-preview.detail", ("session", session.Folder));
        // The probe, the run and the upload all fit in twice the longest run.
        var preview = stored.AsOf(clock.GetUtcNow(), 2 * limits.RunTimeout);
        // A recording uploaded again under the same name is checked anew; until then nothing of the old one is handed out.
        switch (await RecordingETagAsync(session, preview.Recording, context.RequestAborted))
        {
            case null: return ApiResults.NotFound("api.recording-gone.detail", ("session", session.Folder));
            case var etag when etag != preview.RecordingETag:
                preview = (preview with { State = PreviewState.Making, Need = PreviewNeed.None, Blob = null, Segments = null, SegmentsReady = null }).Because(null);
                break;
        }
        var (container, blob) = preview switch
        {
            { State: PreviewState.Ready, Blob: { } made } => (SessionKey.Previews, made),
            { State: PreviewState.NotNeeded or PreviewState.Offered } => (SessionKey.Recordings, session.Recording(preview.Recording)),
            _ => (null, null),
        };
        var answer = new PreviewAnswer(preview.Recording, preview.State, preview.Need, preview.ReasonIn(ApiLanguage.Of(request)), Type: preview.Type);
        if (preview is { State: PreviewState.Making or PreviewState.Ready, Segments: { } segments })
            return TypedResults.Ok(answer with { Segments = await SegmentsAsync(call, preview, segments, from, context.RequestAborted), ExpiresAt = links.ExpiresAt });
        if (container is null || blob is null) return TypedResults.Ok(answer);

        var expires = links.ExpiresAt;
        var link = await links.MintAsync(call.Who.ObjectId, $"{container}/{blob}", context.RequestAborted);
        return TypedResults.Ok(answer with { Link = link, ExpiresAt = expires });
    }

    /// <summary>Every segment, with read links to the made ones from <paramref name="from"/> on, a few.</summary>
    async Task<IReadOnlyList<PreviewSegmentAnswer>> SegmentsAsync(CaseCall call, PreviewDocument preview, IReadOnlyList<PreviewSegment> segments, int from, CancellationToken cancellationToken)
    {
        var answers = new List<PreviewSegmentAnswer>(segments.Count);
        for (var i = 0; i < segments.Count; i++)
        {
            var ready = preview.IsReady(i);
            var link = ready && i >= from && i < from + LinksPerAnswer
                ? await links.MintAsync(call.Who.ObjectId, $"{SessionKey.Previews}/{PreviewDocument.SegmentBlob(call.Session.Folder, i)}", cancellationToken)
                : null;
            answers.Add(new PreviewSegmentAnswer(segments[i].Start, segments[i].End, ready, link));
        }
        return answers;
    }

    /// <summary>The recording's current version, or null once it is gone (retention deletes recordings and previews).</summary>
    async Task<string?> RecordingETagAsync(SessionKey session, string recording, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.Blob(SessionKey.Recordings, session.Recording(recording)).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
