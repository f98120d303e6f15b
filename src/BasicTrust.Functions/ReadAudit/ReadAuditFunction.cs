using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Export;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Functions.ReadAudit;

/// <summary>
/// <c>GET /api/audit/{day}?part=N</c>: one part of a day's audit log (a part holds at most 50,000 entries), for a
/// privacy officer only; <c>nextPart</c> is set while more parts follow. <c>case</c>, <c>who</c> and <c>action</c>
/// keep only the entries naming that case (<see cref="AuditLog.CaseOf"/>), written by that person, of that action;
/// <c>format=csv</c> answers the whole day's matching entries as a CSV file instead (times in UTC, the details as
/// JSON), at most <see cref="MaxCsvEntries"/> of them (more is refused: filter, or read the day in parts). Reading the
/// log is audited too.
/// </summary>
public sealed partial class ReadAuditFunction(PipelineStore store, CaseGate gate, AuditLog audit)
{
    /// <summary>The most entries one CSV file holds: two parts' worth, a few megabytes.</summary>
    public const int MaxCsvEntries = 100_000;

    [Function("ReadAudit")]
    public async Task<Results<Ok<AuditPart>, FileContentHttpResult, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/{day}")] HttpRequest request, string day)
    {
        var context = request.HttpContext;
        var (filter, part, csv, errors) = Read(request.Query, day);
        if (errors.Count > 0) return ApiResults.BadRequest("api.bad-request.title", errors);
        var who = Principal.Of(context);
        if (!who.Is(AppRoles.PrivacyOfficer)) return await gate.ForbidAsync(context, "read-audit", "api.forbidden.read-audit.detail");

        var read = csv ? "csv" : part.ToString("D4", CultureInfo.InvariantCulture);
        await audit.WriteAsync(who.ObjectId, "read-audit", $"{SessionKey.Audit}/{day}/{read}", null, context.RequestAborted);
        if (csv)
        {
            var rows = new StringBuilder();
            CsvCells.Row(rows, "at_utc", "who", "action", "case", "target", "expires_at_utc", "details");
            var count = 0;
            for (var each = 0; await store.ExistsAsync(SessionKey.Audit, AuditLog.PartName(day, each), context.RequestAborted); each++)
                foreach (var entry in (await ReadPartAsync(day, each, context.RequestAborted)).Entries.Where(filter))
                {
                    if (++count > MaxCsvEntries)
                        return ApiResults.BadRequest("api.bad-request.title", [FieldProblem.Create("format", "max-entries", "problem.audit-csv-size", ("max", MaxCsvEntries))]);
                    CsvCells.Row(rows, Utc(entry.At), entry.Who, entry.Action, AuditLog.CaseOf(entry.Target), entry.Target,
                        entry.ExpiresAt is { } expires ? Utc(expires) : null, entry.Details is { } details ? JsonSerializer.Serialize(details, Json.Compact) : null);
                }
            return TypedResults.File(Encoding.UTF8.GetBytes(rows.ToString()), "text/csv; charset=utf-8", $"audit-{day}.csv");
        }
        var (entries, unreadable) = await ReadPartAsync(day, part, context.RequestAborted);
        var more = await store.ExistsAsync(SessionKey.Audit, AuditLog.PartName(day, part + 1), context.RequestAborted);
        return TypedResults.Ok(new AuditPart(day, part, [.. entries.Where(filter)], unreadable, more ? part + 1 : null));
    }

    /// <summary>The query's filter, part and format, or the problems naming each field that breaks its rule.</summary>
    static (Func<AuditEntry, bool> Filter, int Part, bool Csv, List<FieldProblem> Errors) Read(IQueryCollection query, string day)
    {
        var errors = new List<FieldProblem>();
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add(FieldProblem.Create("day", "date", "problem.date.day"));
        var partText = query["part"].FirstOrDefault() ?? "0";
        if (!int.TryParse(partText, NumberStyles.None, CultureInfo.InvariantCulture, out var part) || part > 9999)
            errors.Add(FieldProblem.Create("part", "range", "problem.range.part"));
        var (caseId, person, action, format) = (Value("case"), Value("who"), Value("action"), Value("format") ?? "json");
        if (caseId is not null && !Ids.IsValid(caseId)) errors.Add(FieldProblem.Create("case", "id", "problem.id", ("value", caseId)));
        if (person is not null && !Person().IsMatch(person)) errors.Add(FieldProblem.Create("who", "pattern", "problem.audit-who"));
        if (action is not null && !Ids.IsValid(action)) errors.Add(FieldProblem.Create("action", "id", "problem.audit-action"));
        if (format is not ("json" or "csv")) errors.Add(FieldProblem.Create("format", "one-of", "problem.one-of.audit-format"));
        return (entry => (caseId is null || AuditLog.CaseOf(entry.Target) == caseId) && (person is null || entry.Who == person) && (action is null || entry.Action == action),
            part, format == "csv", errors);

        string? Value(string name) => query[name].FirstOrDefault() is { Length: > 0 } text ? text : null;
    }

    static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>One part's entries as they were written, and its lines that are not one (a torn write).</summary>
    async Task<(List<AuditEntry> Entries, List<string> Unreadable)> ReadPartAsync(string day, int part, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = (await store.Blob(SessionKey.Audit, AuditLog.PartName(day, part)).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return ([], []);
        }
        var read = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (Line: line, Entry: Entry(line))).ToList();
        return ([.. read.Where(r => r.Entry is not null).Select(r => r.Entry!)], [.. read.Where(r => r.Entry is null).Select(r => r.Line)]);
    }

    static AuditEntry? Entry(string line)
    {
        try { return JsonSerializer.Deserialize<AuditEntry>(line, Json.Options) is { Who: not null, Action: not null, Target: not null } entry ? entry : null; }
        catch (JsonException) { return null; }
    }

    /// <summary>Who wrote an entry: an Entra object id, or <c>pipeline</c>, <c>anonymous</c> or <c>mail</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9-]{1,64}\z")]
    private static partial Regex Person();
}
