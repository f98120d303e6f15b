namespace BasicTrust.Highlights.Vocabulary;

/// <summary>One entry of a method's vocabulary.</summary>
/// <param name="Code">What the manifest writes, e.g. <c>benoemen</c>. Stable: renamed codes live on as <see cref="LabelAlias"/>.</param>
/// <param name="Dutch">The Dutch display name.</param>
/// <param name="English">The English display name.</param>
/// <param name="DefaultValence">Used when a tag gives none.</param>
/// <param name="Description">One line on what the label means.</param>
/// <param name="Source">The source text the label comes from (see <see cref="Sources"/>), or "not confirmed".</param>
/// <param name="DefaultActor">Used when a tag gives none.</param>
public sealed record Label(string Code, string Dutch, string English, Valence DefaultValence, string Description, string Source, Actor DefaultActor = Actor.Parent)
{
    /// <summary>The display name in a reel language ("nl" or "en").</summary>
    public string DisplayName(string language) => language == "en" ? English : Dutch;

    /// <summary>The label of a repair: contact restored after a moment out of tune ("Herstel van contact is belangrijker dan altijd goed afstemmen").</summary>
    public const string RepairCode = "herstel-van-contact";

    /// <summary>True for <see cref="RepairCode"/>.</summary>
    public bool IsRepair => Code == RepairCode;

    /// <summary>True when the source texts do not confirm this label.</summary>
    public bool IsConfirmed => Source != Sources.NotConfirmed;
}
