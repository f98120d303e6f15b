using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Consent;

namespace BasicTrust.Functions.Consent;

/// <summary>
/// A case's privacy (<see cref="PrivacyAnswer"/>): read it (<c>GET …/privacy</c>), set its people (<c>PUT …/people</c>),
/// record a consent (<c>POST …/consents</c>) or its withdrawal (<c>POST …/consents/{consentId}/withdraw</c>, which
/// erases every recording someone on it no longer has feedback consent for), end the guidance (<c>POST …/close</c>),
/// and set or lift a legal hold (<c>PUT</c>/<c>DELETE …/hold</c>, privacy officers). Every change is audited.
/// </summary>
public sealed class PrivacyFunctions(CaseAccess cases, PrivacyStore privacy, CaseData data, RecordingErasure erasure, AuditLog audit, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    [Function("GetPrivacy"), CaseEndpoint(CaseAction.Consent)]
    public Ok<PrivacyAnswer> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/privacy")] HttpRequest request) =>
        TypedResults.Ok(PrivacyView.Of(CaseCall.Of(request).Case!, options.Value));

    [Function("SetPeople"), CaseEndpoint(CaseAction.Consent)]
    public async Task<Results<Ok<PrivacyAnswer>, ProblemHttpResult>> SetPeopleAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "cases/{caseId}/people")] HttpRequest request)
    {
        var call = CaseCall.Of(request);
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<CasePeopleRequest>(request, 64 * 1024, """{"people": [{"id": "moeder", "role": "moeder"}, {"id": "kind", "role": "kind", "ageBand": "2-3"}]}""");
        if (unreadable is not null) return unreadable;
        var (people, errors) = PrivacyRequests.People(body!);
        var before = call.Case!.Privacy;
        // A person who gave a consent stays: the record says who gave it.
        foreach (var gone in before.People.Where(b => people.All(p => p.Id != b.Id) && before.Consents.Any(c => c.PersonId == b.Id)))
            errors.Add(FieldProblem.Create("people", "keeps-consenting", "problem.consent.person-in-use", ("id", gone.Id)));
        if (errors.Count > 0) return ApiResults.BadRequest("api.privacy.detail", errors);
        await privacy.SetPeopleAsync(call.CaseId, before.People, people, request.HttpContext.RequestAborted);
        await audit.WriteAsync(call.Who.ObjectId, "set-people", call.CaseId, null, request.HttpContext.RequestAborted);
        return TypedResults.Ok(await AnswerAsync(call.CaseId, request));
    }

    [Function("RecordConsent"), CaseEndpoint(CaseAction.Consent)]
    public async Task<Results<Ok<PrivacyAnswer>, ProblemHttpResult>> RecordAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/consents")] HttpRequest request)
    {
        var call = CaseCall.Of(request);
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<ConsentRequest>(request, 16 * 1024, """{"person": "moeder", "scopes": ["terugkijken", "supervisie"], "means": "formulier"}""");
        if (unreadable is not null) return unreadable;
        var (consent, errors) = PrivacyRequests.Consent(body!, call.Case!.Privacy, clock.GetUtcNow());
        if (consent is null) return ApiResults.BadRequest("api.privacy.detail", errors);
        await privacy.AddConsentAsync(call.CaseId, consent, call.Who.ObjectId, request.HttpContext.RequestAborted);
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), call.Who.ObjectId, "consent-given", $"{call.CaseId}/consents/{consent.Id}",
            Details: new { person = consent.PersonId, scopes = consent.Scopes, means = consent.Means }), request.HttpContext.RequestAborted);
        return TypedResults.Ok(await AnswerAsync(call.CaseId, request));
    }

    /// <summary>
    /// Withdraws a consent, then erases every recording of the case that someone on it now lacks feedback consent for,
    /// and any recording whose people were never recorded (it may show them). The rest of the case goes on.
    /// </summary>
    [Function("WithdrawConsent"), CaseEndpoint(CaseAction.Consent), RequestDeadline(200)]
    public async Task<Results<Ok<ConsentWithdrawn>, ProblemHttpResult>> WithdrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/consents/{consentId}/withdraw")] HttpRequest request, string consentId)
    {
        var (call, cancellationToken) = (CaseCall.Of(request), request.HttpContext.RequestAborted);
        if (call.Case!.Privacy.Consents.FirstOrDefault(c => c.Id == consentId) is not { } consent)
            return ApiResults.NotFound("api.no-consent.detail", ("consentId", consentId.Length <= 40 ? consentId : consentId[..40]));
        if (consent.WithdrawnAt is null)
        {
            await privacy.WithdrawAsync(call.CaseId, consentId, clock.GetUtcNow(), cancellationToken);
            await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), call.Who.ObjectId, "consent-withdrawn", $"{call.CaseId}/consents/{consentId}",
                Details: new { person = consent.PersonId, scopes = consent.Scopes }), cancellationToken);
        }
        var after = (await cases.GetAsync(call.CaseId, cancellationToken))!;
        var erased = new List<ErasedRecording>();
        foreach (var sessionId in await WithoutFeedbackConsentAsync(after, cancellationToken))
            erased.Add(await erasure.EraseAsync(SessionKey.Create(call.CaseId, sessionId), CasePrivacy.Withdrawn, call.Who.ObjectId, cancellationToken));
        return TypedResults.Ok(new ConsentWithdrawn(await AnswerAsync(call.CaseId, request), erased));
    }

    [Function("CloseCase"), CaseEndpoint(CaseAction.Upload)]
    public async Task<Ok<PrivacyAnswer>> CloseAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/close")] HttpRequest request)
    {
        var call = CaseCall.Of(request);
        if (call.Case!.Privacy.ClosedAt is null)
        {
            await privacy.CloseAsync(call.CaseId, clock.GetUtcNow(), request.HttpContext.RequestAborted);
            await audit.WriteAsync(call.Who.ObjectId, "guidance-ended", call.CaseId, null, request.HttpContext.RequestAborted);
        }
        return TypedResults.Ok(await AnswerAsync(call.CaseId, request));
    }

    [Function("SetHold"), CaseEndpoint(CaseAction.Hold)]
    public async Task<Results<Ok<PrivacyAnswer>, ProblemHttpResult>> HoldAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "cases/{caseId}/hold")] HttpRequest request)
    {
        var call = CaseCall.Of(request);
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<HoldRequest>(request, 4 * 1024, """{"reason": "Rechterlijk bevel, zaak 2026/123"}""");
        if (unreadable is not null) return unreadable;
        var (reason, errors) = PrivacyRequests.Hold(body!);
        if (reason is null) return ApiResults.BadRequest("api.privacy.detail", errors);
        await privacy.HoldAsync(call.CaseId, new DeletionHold(reason, call.Who.ObjectId, clock.GetUtcNow()), request.HttpContext.RequestAborted);
        // The reason may name a court or a case number: it stays in the table, the audit records that a hold was set.
        await audit.WriteAsync(call.Who.ObjectId, "hold-set", call.CaseId, null, request.HttpContext.RequestAborted);
        return TypedResults.Ok(await AnswerAsync(call.CaseId, request));
    }

    [Function("LiftHold"), CaseEndpoint(CaseAction.Hold)]
    public async Task<Ok<PrivacyAnswer>> LiftAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "cases/{caseId}/hold")] HttpRequest request)
    {
        var call = CaseCall.Of(request);
        if (call.Case!.Privacy.Hold is not null)
        {
            await privacy.LiftHoldAsync(call.CaseId, request.HttpContext.RequestAborted);
            await audit.WriteAsync(call.Who.ObjectId, "hold-lifted", call.CaseId, null, request.HttpContext.RequestAborted);
        }
        return TypedResults.Ok(await AnswerAsync(call.CaseId, request));
    }

    /// <summary>The case's sessions with media that someone on them lacks feedback consent for, or whose people nobody recorded.</summary>
    async Task<IReadOnlyList<string>> WithoutFeedbackConsentAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var sessions = new List<string>();
        foreach (var sessionId in await data.SessionsWithMediaAsync(record.CaseId, cancellationToken))
        {
            var recording = record.Privacy.Recording(sessionId);
            if (recording is null || record.Privacy.Missing(recording.OnRecording, ConsentScopes.Feedback).Count > 0) sessions.Add(sessionId);
        }
        return sessions;
    }

    async Task<PrivacyAnswer> AnswerAsync(string caseId, HttpRequest request) =>
        PrivacyView.Of((await cases.GetAsync(caseId, request.HttpContext.RequestAborted))!, options.Value);
}
