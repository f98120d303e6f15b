namespace BasicTrust.Highlights.Vocabulary;

/// <summary>A role a person of the case has: its manifest code, its names, and whose side of the interaction it is on.</summary>
public sealed record PersonRole(string Code, string Dutch, string English, Actor Actor)
{
    /// <summary>The role's name in <paramref name="language"/> (Dutch unless English is asked for).</summary>
    public string Name(string language) => language == "en" ? English : Dutch;
}

/// <summary>
/// The roles the people of a case are known by: pseudonyms, never names. The sources speak of mothers, fathers,
/// foster and adoptive parents and professional carers (guideline, VIPP-SD and Basic Trust target groups; Wat werkt?,
/// "(professionele) opvoeders"), so "the parent" is one of several.
/// </summary>
public static class PersonRoles
{
    public static readonly IReadOnlyList<PersonRole> All =
    [
        new("moeder", "Moeder", "Mother", Actor.Parent),
        new("vader", "Vader", "Father", Actor.Parent),
        new("ouder", "Ouder", "Parent", Actor.Parent),
        new("pleegouder", "Pleegouder", "Foster parent", Actor.Parent),
        new("adoptieouder", "Adoptieouder", "Adoptive parent", Actor.Parent),
        new("opvoeder", "Professionele opvoeder", "Professional carer", Actor.Parent),
        new("kind", "Kind", "Child", Actor.Child),
    ];

    /// <summary>The role with this code, or null.</summary>
    public static PersonRole? Find(string code) => All.FirstOrDefault(r => r.Code == code);
}
