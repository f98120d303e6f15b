using System.Text.RegularExpressions;

namespace BasicTrust.Highlights.Vocabulary;

/// <summary>
/// The people in a recording as other tools name them (an ELAN tier or participant, a BORIS subject, a CSV column),
/// and as our exports name them. Only what names a person counts: a tier named after a code ("Benoemen") or a
/// subject BORIS leaves empty names nobody, and the tag keeps its label's actor.
/// </summary>
public static partial class ActorNames
{
    static readonly HashSet<string> Parents = ["ouder", "ouders", "moeder", "vader", "mama", "papa", "mam", "pap", "verzorger", "opvoeder",
        "pleegmoeder", "pleegvader", "pleegouder", "parent", "mother", "father", "mum", "mom", "dad", "caregiver", "carer"];
    static readonly HashSet<string> Children = ["kind", "baby", "peuter", "kleuter", "zoon", "dochter", "child", "infant", "toddler", "son", "daughter"];
    static readonly HashSet<string> Dyads = ["dyade", "dyad"];

    /// <summary>
    /// The person a name means: its first word names a parent or a child (or the pair, "dyade"); when a later word
    /// names the other one ("Ouder en kind", "moeder-kind") it is the two together. Null when it names nobody.
    /// </summary>
    public static Actor? Find(string? name)
    {
        var words = Words().Matches(name?.ToLowerInvariant() ?? "").Select(m => m.Value).ToList();
        if (words.Count == 0) return null;
        if (Dyads.Contains(words[0])) return Actor.Dyad;
        var first = Parents.Contains(words[0]) ? Actor.Parent : Children.Contains(words[0]) ? Actor.Child : (Actor?)null;
        if (first is null) return null;
        var other = first == Actor.Parent ? Children : Parents;
        return words.Skip(1).Any(other.Contains) ? Actor.Dyad : first;
    }

    /// <summary>The manifest's value for an actor: <c>parent</c>, <c>child</c> or <c>dyad</c>.</summary>
    public static string Code(Actor actor) => actor.ToString().ToLowerInvariant();

    /// <summary>What our ELAN tiers and BORIS subjects are called, in the method's language: Ouder, Kind, Ouder en kind.</summary>
    public static string Name(Actor actor) => actor switch
    {
        Actor.Child => "Kind",
        Actor.Dyad => "Ouder en kind",
        _ => "Ouder",
    };

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
