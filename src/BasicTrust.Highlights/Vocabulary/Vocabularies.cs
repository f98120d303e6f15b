using static BasicTrust.Highlights.Vocabulary.Valence;

namespace BasicTrust.Highlights.Vocabulary;

/// <summary>
/// The built-in vocabularies. Sources: shared/reference/domain-and-peers.md §A3 (NJi, Kenniscentrum KJP,
/// Leiden VIPP, HomVEE, VHT training material). Entries marked "not confirmed" were not found in those
/// sources and should be checked against the method's manual before relying on them.
/// </summary>
public static class Vocabularies
{
    /// <summary>The Basic Trust method (NL).</summary>
    public static readonly MethodVocabulary BasicTrust = new("basic-trust", "Basic Trust",
    [
        new("benoemen", "Benoemen", "Naming", Strength, "The parent puts the child's experience, feelings or actions into words."),
        new("spiegelen", "Spiegelen", "Mirroring", Strength, "The parent non-verbally mirrors the child's feelings."),
        new("positief-voorzeggen", "Positief voorzeggen", "Positive prompting", Strength, "On disobedience, the parent tells the child ahead, positively, what to do."),
        new("veilig-begrenzen", "Veilig begrenzen", "Safe limit setting", Strength, "Discipline the child does not experience as rejection."),
        new("sensitief-reageren", "Sensitief reageren", "Sensitive responding", Strength, "The parent notices the child's signal and responds promptly and fittingly."),
        // Not confirmed as a Basic Trust term by the sources (it is a VHT contact principle).
        new("initiatief-volgen", "Initiatief volgen", "Following the initiative", Strength, "The parent follows the child's lead."),
        // Not confirmed by the sources: repair after a rupture is a general attachment notion.
        new("herstel", "Herstel", "Repair", Strength, "The parent restores contact after a rupture."),
        // Not confirmed by the sources: a learning-moment label for behaviour that may confuse the child.
        new("verwarrend-gedrag", "Verwarrend gedrag", "Confusing behaviour", Learning, "Parent behaviour the child may find confusing or frightening."),
        // Not confirmed by the sources: the child-side goals (exploring, seeking comfort) as one signal label.
        new("kind-signaal", "Signaal van het kind", "Child's signal", Strength, "A signal of the child worth noticing together.", Actor.Child),
    ]);

    /// <summary>VIPP-SD: the four VIPP themes, speaking for the child, and the sensitive-discipline topics.</summary>
    public static readonly MethodVocabulary VippSd = new("vipp-sd", "VIPP-SD",
    [
        new("contact-en-exploratie", "Contact zoeken en exploreren", "Attachment and exploration", Strength, "VIPP theme 1: contact-seeking versus exploration behaviour."),
        new("signalen-waarnemen", "Signalen waarnemen", "Perceiving signals", Strength, "VIPP theme 2: perceiving the child's subtle signals."),
        new("sensitiviteitsketen", "Sensitiviteitsketen", "Sensitivity chain", Strength, "VIPP theme 3: prompt and adequate responding to signals."),
        new("gevoelens-delen", "Gevoelens delen", "Sharing emotions", Strength, "VIPP theme 4: affective attunement, sharing emotions."),
        new("spreken-voor-het-kind", "Spreken voor het kind", "Speaking for the child", Strength, "The intervener voices the child's experience (subtitles for the child's behaviour)."),
        new("consequent-begrenzen", "Consequent begrenzen", "Consistent limit setting", Strength, "SD: consistent discipline and limit setting."),
        new("afleiden", "Afleiden", "Distraction", Strength, "SD: distraction and non-coercive responses."),
        new("prijzen-en-negeren", "Prijzen en negeren", "Praise and ignoring", Strength, "SD: praising positive behaviour, ignoring attention-seeking."),
        new("time-out", "Time-out", "Time-out", Strength, "SD: time-out to de-escalate a tantrum."),
        new("empathie", "Empathie voor het kind", "Empathy for the child", Strength, "SD: empathy for the child."),
    ]);

    /// <summary>Video home training: the contact principles (basiscommunicatie).</summary>
    public static readonly MethodVocabulary Vht = new("vht", "Video-hometraining",
    [
        new("initiatief", "Initiatief", "Initiative", Strength, "Noticing and following the child's initiative."),
        new("ontvangstbevestiging", "Ontvangstbevestiging", "Acknowledging receipt", Strength, "Verbally or non-verbally confirming the child's initiative was received."),
        new("benoemen", "Benoemen", "Naming", Strength, "(Agreeing) naming of what the child does or feels."),
        new("beurtverdeling", "Beurtverdeling", "Turn-taking", Strength, "Giving and taking turns."),
        new("leiding-geven", "Leiding geven", "Guiding", Strength, "Leading, steering, giving direction."),
    ]);

    /// <summary>Any well-formed label; every tag must say whether it is a strength or a learning moment.</summary>
    public static readonly MethodVocabulary Custom = new("custom", "Custom", [], isCustom: true);

    /// <summary>Every vocabulary by its manifest <c>method</c> value.</summary>
    public static readonly IReadOnlyDictionary<string, MethodVocabulary> ByMethod =
        new[] { BasicTrust, VippSd, Vht, Custom }.ToDictionary(v => v.Method, StringComparer.Ordinal);
}
