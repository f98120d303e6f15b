using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Highlights.Export;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Functions.ExportTags;

/// <summary>
/// <c>POST /api/sessions/{caseId}/{sessionId}/export/{format}</c> (<c>elan</c>, <c>boris</c> or <c>csv</c>) with a
/// manifest, for the owner's editor: its tags as that tool's file, which the import of the same format reads back
/// (the same writers as <c>bt manifest export</c>). Nothing is stored; a manifest with errors is refused naming them.
/// </summary>
public sealed class ExportTagsFunction(TimeProvider clock)
{
    [Function("ExportTags"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Results<Ok<TagFile>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sessions/{caseId}/{sessionId}/export/{format}")] HttpRequest request, string format)
    {
        if (TagExport.Parse(format) is not { } chosen)
            return ApiResults.BadRequest("api.import-format.detail", [FieldProblem.Create("format", "one-of", "problem.one-of.format")]);
        var session = CaseCall.Of(request).Session;
        var (text, unreadable) = await RequestBodies.ReadTextAsync(request, ManifestReader.MaxBytes);
        if (unreadable is not null) return unreadable;
        var read = ManifestReader.Read(text!, session.CaseId, session.SessionId);
        if (read.Manifest is not { } manifest)
            return ApiResults.BadRequest("api.export-manifest.detail", FieldProblem.Of(read.Problems, Severity.Error, ApiLanguage.Of(request)));
        return TypedResults.Ok(new TagFile(TagExport.FileName(chosen, manifest), TagExport.ContentType(chosen), TagExport.Write(chosen, manifest, clock.GetUtcNow())));
    }
}
