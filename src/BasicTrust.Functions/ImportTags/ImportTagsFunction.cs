using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Highlights.Import;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Functions.ImportTags;

/// <summary>
/// <c>POST /api/import/{format}</c> (<c>csv</c>, <c>elan</c> or <c>boris</c>; ELAN takes <c>?tier=</c> and
/// <c>?label=</c>) with another tool's file: its tags as a manifest's <c>tags</c> array, for a therapist's editor.
/// The same readers as <c>bt manifest push</c>; nothing is stored, and the manifest's own validation still follows.
/// </summary>
public sealed class ImportTagsFunction(CaseGate gate)
{
    [Function("ImportTags")]
    public async Task<Results<Ok<ImportedTags>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "import/{format}")] HttpRequest request, string format)
    {
        var context = request.HttpContext;
        if (format is not ("csv" or "elan" or "boris"))
            return ApiResults.BadRequest("api.import-format.detail", [FieldProblem.Create("format", "one-of", "problem.one-of.format")]);
        if (!Principal.Of(context).Is(AppRoles.Therapist)) return await gate.ForbidAsync(context, "import-tags", "api.forbidden.import-tags.detail");
        var (text, unreadable) = await RequestBodies.ReadTextAsync(request, ManifestReader.MaxBytes);
        if (unreadable is not null) return unreadable;
        try
        {
            var tags = format switch
            {
                "elan" => ElanTags.Read(text!, request.Query["tier"].FirstOrDefault(), request.Query["label"].FirstOrDefault()),
                "boris" => BorisTags.Read(text!),
                _ => CsvTags.Read(text!),
            };
            return TypedResults.Ok(new ImportedTags(ManifestBuilder.Tags(tags)));
        }
        catch (ImportRefusedException e)
        {
            // Refused while reading, within one pass: more than a session's tags, too wide, too deep, or not the format.
            return ApiResults.BadRequest("api.import.detail", [FieldProblem.From(e.Problem)], ("format", format.ToUpperInvariant()));
        }
    }
}
