namespace BasicTrust.Highlights.Consent;

/// <summary>
/// One consent as it was given: by which person of the case (<see cref="CasePerson.SomeoneElse"/> for a bystander),
/// for which scopes, how (a signed form or said aloud), when, and when it was withdrawn.
/// </summary>
public sealed record ConsentGiven(string Id, string PersonId, IReadOnlyList<string> Scopes, string Means, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt = null)
{
    public bool Covers(string personId, string scope) => WithdrawnAt is null && PersonId == personId && Scopes.Contains(scope);
}
