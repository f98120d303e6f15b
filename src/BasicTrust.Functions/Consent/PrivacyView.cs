using BasicTrust.Functions.Access;
using BasicTrust.Highlights.Consent;

namespace BasicTrust.Functions.Consent;

/// <summary>A case's privacy as the API answers it: per person what consent covers, per recording what is missing.</summary>
public static class PrivacyView
{
    public static PrivacyAnswer Of(CaseRecord record, PrivacyOptions options)
    {
        var privacy = record.Privacy;
        var people = privacy.People.Select(p =>
        {
            var need = ConsentRule.Need(p.Id, privacy.People);
            var covered = ConsentScopes.All.Where(scope => privacy.Missing([p.Id], scope).Count == 0).ToList();
            return new PrivacyPerson(p.Id, p.Role.Code, p.AgeBand?.Code, p.Authority, need.From, covered, need.NoAuthority);
        }).ToList();
        var consents = privacy.Consents.Select(c => new ConsentEntry(c.Id, c.PersonId, c.Scopes, c.Means, c.GivenAt, c.WithdrawnAt)).ToList();
        var recordings = privacy.Recordings.OrderBy(r => r.SessionId, StringComparer.Ordinal).Select(r => new RecordingConsent(r.SessionId, r.OnRecording,
            r.ErasedAt is null ? Entries(privacy.Missing(r.OnRecording, ConsentScopes.Feedback)) : [],
            r.ErasedAt is null ? Entries(privacy.Missing(r.OnRecording, ConsentScopes.Supervision)) : [],
            r.ErasedAt, r.ErasedBecause)).ToList();
        return new PrivacyAnswer(record.CaseId, people, consents, recordings, options.RetentionDays, privacy.ClosedAt, privacy.DeleteAt(options.Retention), privacy.Hold, privacy.MediaDeletedAt);
    }

    static List<MissingConsentEntry> Entries(IEnumerable<MissingConsent> missing) => [.. missing.Select(m => new MissingConsentEntry(m.PersonId, m.From, m.NoAuthority))];
}
