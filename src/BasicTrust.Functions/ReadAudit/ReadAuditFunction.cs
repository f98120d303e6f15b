using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using System.Text.Json;
using Azure;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.ReadAudit;

/// <summary>
/// <c>GET /api/audit/{day}?part=N</c>: one part of a day's audit log (a part holds at most 50,000 entries), for a
/// privacy officer only; <c>nextPart</c> is set while more parts follow. Reading the log is audited too.
/// </summary>
public sealed class ReadAuditFunction(PipelineStore store, CaseGate gate, AuditLog audit)
{
    [Function("ReadAudit")]
    public async Task<Results<Ok<AuditPart>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/{day}")] HttpRequest request, string day)
    {
        var context = request.HttpContext;
        var errors = new List<FieldProblem>();
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add(FieldProblem.Create("day", "date", "problem.date.day"));
        var partText = request.Query["part"].FirstOrDefault() ?? "0";
        if (!int.TryParse(partText, NumberStyles.None, CultureInfo.InvariantCulture, out var part) || part > 9999)
            errors.Add(FieldProblem.Create("part", "range", "problem.range.part"));
        if (errors.Count > 0) return ApiResults.BadRequest("api.bad-request.title", errors);
        var who = Principal.Of(context);
        if (!who.Is(AppRoles.PrivacyOfficer)) return await gate.ForbidAsync(context, "read-audit", "api.forbidden.read-audit.detail");

        await audit.WriteAsync(who.ObjectId, "read-audit", $"{day}/{part:D4}", null, context.RequestAborted);
        var lines = await ReadPartAsync(AuditLog.PartName(day, part), context.RequestAborted);
        var read = lines.Select(line => (Line: line, Entry: Entry(line))).ToList();
        var more = await store.ExistsAsync(SessionKey.Audit, AuditLog.PartName(day, part + 1), context.RequestAborted);
        return TypedResults.Ok(new AuditPart(day, part, [.. read.Where(r => r.Entry is not null).Select(r => r.Entry!)],
            [.. read.Where(r => r.Entry is null).Select(r => r.Line)], more ? part + 1 : null));
    }

    async Task<IReadOnlyList<string>> ReadPartAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var text = (await store.Blob(SessionKey.Audit, name).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }

    /// <summary>One line as the entry it was written as, or null for a line that is not one (a torn write).</summary>
    static AuditEntry? Entry(string line)
    {
        try { return JsonSerializer.Deserialize<AuditEntry>(line, Json.Options) is { Who: not null, Action: not null, Target: not null } entry ? entry : null; }
        catch (JsonException) { return null; }
    }
}
