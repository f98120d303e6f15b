using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Consent;

/// <summary>
/// A person of the case as consent sees them: a pseudonymous id and role (the ones the moments' actors use), a
/// child's age band, and whether they hold parental authority (gezag) over the case's children.
/// </summary>
public sealed record CasePerson(string Id, PersonRole Role, AgeBand? AgeBand, bool Authority)
{
    /// <summary>The id that stands for anyone else on a recording (a bystander, a visiting relative): they consent for themselves.</summary>
    public const string SomeoneElse = "iemand-anders";

    public bool IsChild => Role.Actor == Actor.Child;

    /// <summary>
    /// Whether a person of this role holds parental authority unless the therapist says otherwise: birth and adoptive
    /// parents usually do; foster parents and professional carers usually do not (the guardian or the parents keep it).
    /// </summary>
    public static bool AuthorityByDefault(PersonRole role) => role.Code is "moeder" or "vader" or "ouder" or "adoptieouder";
}
