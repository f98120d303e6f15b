using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Manifest;

/// <summary>
/// A person of the case, known by a pseudonymous id (<c>moeder</c>, <c>kind</c>, <c>pleegvader-2</c>) and a role,
/// never a name; a child may have an age band, which decides whether the method fits.
/// </summary>
public sealed record Person(string Id, PersonRole Role, AgeBand? AgeBand = null)
{
    /// <summary>The person's JSON path in the manifest (<c>people[2]</c>), for messages.</summary>
    public string Path { get; init; } = "people";
}
