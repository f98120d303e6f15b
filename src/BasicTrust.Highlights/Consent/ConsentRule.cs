namespace BasicTrust.Highlights.Consent;

/// <summary>Whose consent a person on a recording needs, and whether the case has anyone who can give it.</summary>
/// <param name="From">The people whose consent counts; every one of them must give it.</param>
/// <param name="NoAuthority">A child whose consent needs the parents', in a case where nobody holds parental authority.</param>
public sealed record ConsentNeed(IReadOnlyList<string> From, bool NoAuthority);

/// <summary>
/// Who consents for whom, in one place. Under 12 the parents with parental authority decide (all of them: where both
/// hold it, both); from 12 to 16 the child and those parents both; from 16 the young person alone (Wet op de
/// geneeskundige behandelingsovereenkomst, BW 7:447 and 7:450; the NVO's professional code follows the same ages).
/// Adults and anyone else on a recording consent for themselves. Foster and adoptive situations differ only in who
/// holds authority, which <see cref="CasePerson.Authority"/> records per person.
/// </summary>
public static class ConsentRule
{
    /// <summary>The youngest age that consents alongside the parents, and the age that consents alone.</summary>
    public const int AlongsideParentsFrom = 12, AloneFrom = 16;

    public static ConsentNeed Need(string personId, IReadOnlyList<CasePerson> people)
    {
        var person = people.FirstOrDefault(p => p.Id == personId);
        if (person is not { IsChild: true }) return new([personId], false);
        // A child without an age band is asked the most of: the child and the parents.
        var (min, max) = person.AgeBand is { } band ? (band.Min, band.Max) : (AlongsideParentsFrom, AloneFrom - 1);
        if (min >= AloneFrom) return new([personId], false);
        var parents = people.Where(p => p.Authority && !p.IsChild).Select(p => p.Id).ToList();
        var from = max >= AlongsideParentsFrom ? [personId, .. parents] : parents;
        return new(from, parents.Count == 0);
    }

    /// <summary>Who on the recording lacks <paramref name="scope"/>, and from whom it is missing; empty when everyone is covered.</summary>
    public static IReadOnlyList<MissingConsent> Missing(IEnumerable<string> onRecording, IReadOnlyList<CasePerson> people, IReadOnlyList<ConsentGiven> consents, string scope)
    {
        var missing = new List<MissingConsent>();
        foreach (var personId in onRecording.Distinct())
        {
            var need = Need(personId, people);
            var lacking = need.From.Where(giver => !consents.Any(c => c.Covers(giver, scope))).ToList();
            if (lacking.Count > 0 || need.NoAuthority) missing.Add(new MissingConsent(personId, lacking, need.NoAuthority));
        }
        return missing;
    }
}

/// <summary>A person on a recording without the consent a use needs: whose consent is missing, or that nobody in the case can give it.</summary>
public sealed record MissingConsent(string PersonId, IReadOnlyList<string> From, bool NoAuthority);
