using static BasicTrust.Highlights.Vocabulary.Sources;
using static BasicTrust.Highlights.Vocabulary.Valence;

namespace BasicTrust.Highlights.Vocabulary;

/// <summary>
/// The built-in vocabularies, checked against the methods' own texts (see <see cref="Sources"/>). Each entry names
/// its source; "not confirmed" entries come from secondary web pages and should be checked against the method's
/// manual before relying on them. Codes are stable: a renamed code is kept as an alias that plans with a warning.
/// </summary>
public static class Vocabularies
{
    /// <summary>The Basic Trust method: interaction principles, safe limit setting, and correcting confusing parenting.</summary>
    public static readonly MethodVocabulary BasicTrust = new("basic-trust", "Basic Trustmethode",
    [
        // Wat werkt? (mentaliseren: "De ouder benoemt wat het kind doet, denkt of voelt"); guideline: "met name benoemen".
        new("benoemen", "Benoemen", "Naming", Strength, "The parent puts into words what the child does, thinks or feels.", WatWerkt),
        // Basic Trust deck: "Aanleren veilig begrenzen", "op verbindende wijze kind te begrenzen"; guideline: "veilig disciplineren".
        new("veilig-begrenzen", "Veilig begrenzen", "Setting limits safely", Strength, "The parent sets a limit while keeping the connection with the child.", BasicTrustDeck),
        // Wat werkt?: "sensitief reageren op het kind"; Hechting en Trauma: sensitive (recognising signals) and responsive (answering them fittingly).
        new("sensitief-reageren", "Sensitief reageren", "Responding sensitively", Strength, "The parent recognises the child's signal and answers it fittingly.", WatWerkt),
        // Basic Trust deck: "mentalisatiebevorderende interventie", "mentaliserend vermogen vergroot"; Wat werkt?: the third condition.
        new("mentaliseren", "Mentaliseren", "Mentalising", Strength, "The parent sees the child's feelings and thoughts and takes them into account.", BasicTrustDeck),
        // Hechting en Trauma: "Herstel van contact is belangrijker dan altijd goed afstemmen!"
        new("herstel-van-contact", "Herstel van contact", "Repairing contact", Strength, "After a moment out of tune, the parent restores contact with the child.", HechtingEnTrauma),
        // Not confirmed by the source texts: NJi's older database page and Kenniscentrum KJP name it.
        new("spiegelen", "Spiegelen", "Mirroring", Strength, "The parent non-verbally mirrors the child's feelings.", NotConfirmed),
        // Not confirmed by the source texts: NJi's older database page and Kenniscentrum KJP name it.
        new("positief-voorzeggen", "Positief voorzeggen", "Positive prompting", Strength, "On disobedience, the parent tells the child ahead, positively, what to do.", NotConfirmed),
        // Basic Trust deck: "Corrigeren van verwarringscheppend opvoedgedrag"; guideline and Wat werkt?: "Verwarring scheppend (desorganiserend) opvoedgedrag".
        new("verwarringscheppend-gedrag", "Verwarringscheppend opvoedgedrag", "Confusing (disorganising) parenting", Learning, "Parenting the child may find confusing or frightening; the method corrects it.", BasicTrustDeck),
        // Wat werkt? (Basic Trust outcomes): "storend/interferend gedrag neemt af".
        new("storend-gedrag", "Storend gedrag", "Intrusive behaviour", Learning, "The parent interrupts or interferes with what the child is doing.", WatWerkt),
        // Hechting en Trauma: sensitivity is "signalen herkennen"; Werkzame Elementen: "Zien ouders de signalen van hun kind?"
        new("signaal-gemist", "Signaal gemist", "Missed signal", Learning, "A signal of the child the parent did not notice or answer.", HechtingEnTrauma),
        // Hechting en Trauma and Werkzame Elementen: the child's signals the parent recognises.
        new("kind-signaal", "Signaal van het kind", "Child's signal", Child, "A signal of the child (a need, a feeling) to notice together.", HechtingEnTrauma, Actor.Child),
        // Guideline and Wat werkt?: "het kind reageert daar positief op".
        new("kind-reactie", "Reactie van het kind", "Child's response", Child, "How the child responds to what the parent does.", Guideline, Actor.Child),
        // Basic Trust deck: "Balans tussen nabijheid zoeken en exploratie".
        new("nabijheid-zoeken", "Nabijheid zoeken", "Seeking closeness", Child, "The child seeks the parent's closeness or comfort.", BasicTrustDeck, Actor.Child),
        // Basic Trust deck (as above); Hechting en Trauma: "Zich toevertrouwen en exploreren".
        new("exploreren", "Exploreren", "Exploring", Child, "The child explores, with the parent as a secure base.", BasicTrustDeck, Actor.Child),
    ],
    [
        new("herstel", "herstel-van-contact", "the sources speak of repairing contact"),
        new("verwarrend-gedrag", "verwarringscheppend-gedrag", "the method's own term is verwarringscheppend (desorganiserend) opvoedgedrag"),
        new("initiatief-volgen", "sensitief-reageren", "following the initiative is a video-hometraining principle, not a Basic Trust term"),
    ])
    {
        // Basic Trust deck, "Doelen BTM": three for the child, seven for the carer.
        Goals =
        [
            new("meer-basisvertrouwen", "Meer basisvertrouwen", "More basic trust", GoalFor.Child, BasicTrustDeck),
            new("emotieregulatie", "Leeftijdsadequate emotieregulatie", "Age-appropriate emotion regulation", GoalFor.Child, BasicTrustDeck),
            new("mentalisatie-kind", "Leeftijdsadequate mentalisatie", "Age-appropriate mentalising", GoalFor.Child, BasicTrustDeck),
            new("mentaliserend-vermogen", "Mentaliserend vermogen vergroot", "Greater capacity to mentalise", GoalFor.Carer, BasicTrustDeck),
            new("sensitiviteit", "Betere sensitiviteit", "Better sensitivity", GoalFor.Carer, BasicTrustDeck),
            new("verbindend-begrenzen", "Op verbindende wijze begrenzen", "Setting limits while staying connected", GoalFor.Carer, BasicTrustDeck),
            new("minder-verwarringscheppend-gedrag", "Verwarringscheppend (desorganiserend) gedrag afgenomen", "Less confusing (disorganising) behaviour", GoalFor.Carer, BasicTrustDeck),
            new("zicht-op-eigen-ervaringen", "Meer zicht en grip op eigen onverwerkte herinneringen", "More insight into and hold on one's own unresolved memories", GoalFor.Carer, BasicTrustDeck),
            new("passende-opvattingen", "Niet-passende opvattingen over kind en relatie gecorrigeerd", "Ill-fitting views of the child and the relationship corrected", GoalFor.Carer, BasicTrustDeck),
            new("minder-opvoedingsstress", "Minder opvoedingsstress", "Less parenting stress", GoalFor.Carer, BasicTrustDeck),
        ],
        // Guideline: "ouders van (adoptie- en pleeg) kinderen van 2 tot en met 12 jaar".
        TargetAges = new(2, 12, Guideline),
    };

    /// <summary>
    /// VIPP-SD: sensitive parenting, limit setting and regulating difficult child behaviour. The VIPP themes belong to
    /// the visit (<c>course.theme</c>), and speaking for the child is a kind of caption (<c>captionVoice</c>), not a label.
    /// </summary>
    public static readonly MethodVocabulary VippSd = new("vipp-sd", "VIPP-SD",
    [
        // Wat werkt? (VIPP-SD): "Bekrachtigen van sensitief opvoedgedrag (positief ouderschap) ... staan centraal".
        new("sensitief-opvoeden", "Sensitief opvoeden", "Sensitive parenting", Strength, "The parent notices the child's signals and responds promptly and fittingly.", WatWerkt),
        // Wat werkt? (VIPP-SD): "het stellen van grenzen"; guideline: "grenzen stellen".
        new("grenzen-stellen", "Grenzen stellen", "Setting limits", Strength, "The parent sets a clear limit in a sensitive way.", WatWerkt),
        // Wat werkt? (VIPP-SD): "reguleren van lastig kindgedrag".
        new("lastig-gedrag-reguleren", "Lastig gedrag reguleren", "Regulating difficult behaviour", Strength, "The parent guides the child through difficult behaviour without force.", WatWerkt),
        // Guideline (VIPP-SD aim): "het bevorderen van positieve interacties tussen opvoeder en kind".
        new("positieve-interactie", "Positieve interactie", "Positive interaction", Strength, "Parent and child share a positive moment together.", Guideline),
        // Hechting en Trauma and Werkzame Elementen: the child's signals the parent recognises.
        new("kind-signaal", "Signaal van het kind", "Child's signal", Child, "A signal of the child (a need, a feeling) to notice together.", HechtingEnTrauma, Actor.Child),
    ],
    [
        new("contact-en-exploratie", "sensitief-opvoeden", "the VIPP themes are a property of the visit: write it as course.theme"),
        new("signalen-waarnemen", "sensitief-opvoeden", "the VIPP themes are a property of the visit: write it as course.theme"),
        new("sensitiviteitsketen", "sensitief-opvoeden", "the VIPP themes are a property of the visit: write it as course.theme"),
        new("gevoelens-delen", "sensitief-opvoeden", "the VIPP themes are a property of the visit: write it as course.theme"),
        new("empathie", "sensitief-opvoeden", "empathy for the child is part of sensitive parenting"),
        new("spreken-voor-het-kind", "kind-signaal", "speaking for the child is a kind of caption: write captionVoice \"child\""),
        new("consequent-begrenzen", "grenzen-stellen", "the sources speak of setting limits"),
        new("afleiden", "lastig-gedrag-reguleren", "distraction is one way of regulating difficult behaviour"),
        new("prijzen-en-negeren", "lastig-gedrag-reguleren", "praise and ignoring are ways of regulating difficult behaviour"),
        new("time-out", "lastig-gedrag-reguleren", "time-out is one way of regulating difficult behaviour"),
    ])
    {
        // Guideline (VIPP-SD): "het verhogen van de sensitiviteit en het verbeteren van disciplineringsstrategieën …
        // het bevorderen van positieve interacties … het voorkomen of verminderen van gedragsproblemen".
        Goals =
        [
            new("sensitiviteit", "Hogere sensitiviteit", "Greater sensitivity", GoalFor.Carer, Guideline),
            new("disciplineringsstrategieen", "Betere disciplineringsstrategieën", "Better discipline strategies", GoalFor.Carer, Guideline),
            new("positieve-interacties", "Meer positieve interacties tussen opvoeder en kind", "More positive interactions between carer and child", GoalFor.Carer, Guideline),
            new("minder-gedragsproblemen", "Minder gedragsproblemen", "Fewer behaviour problems", GoalFor.Child, Guideline),
        ],
        // Guideline: "kinderen tussen 0 en 6 jaar".
        TargetAges = new(0, 6, Guideline),
    };

    /// <summary>K-VHT: the child's initiatives and the contact between parent and child, in short recordings.</summary>
    public static readonly MethodVocabulary Vht = new("vht", "Kortdurende video-hometraining (K-VHT)",
    [
        // Wat werkt? (K-VHT): "Focus ligt daarbij op de initiatieven van het kind".
        new("initiatief-kind", "Initiatief van het kind", "Child's initiative", Child, "The child takes an initiative: a look, a sound, a move towards.", WatWerkt, Actor.Child),
        // Wat werkt? (K-VHT): the focus on the child's initiatives, here the parent's side of it.
        new("initiatief-volgen", "Initiatief volgen", "Following the initiative", Strength, "The parent notices the child's initiative and follows it.", WatWerkt),
        // Wat werkt? (K-VHT): "het contact tussen ouders en kind"; guideline: "het verbeteren van het contact".
        new("contact", "Contact", "Contact", Strength, "Parent and child are in contact with each other.", WatWerkt, Actor.Dyad),
        // Not confirmed by the source texts: VHT contact principles (basiscommunicatie) from training pages.
        new("ontvangstbevestiging", "Ontvangstbevestiging", "Acknowledging receipt", Strength, "Verbally or non-verbally confirming the child's initiative was received.", NotConfirmed),
        // Not confirmed by the source texts for K-VHT (it is Basic Trust's core skill).
        new("benoemen", "Benoemen", "Naming", Strength, "(Agreeing) naming of what the child does or feels.", NotConfirmed),
        // Not confirmed by the source texts: VHT contact principles from training pages.
        new("beurtverdeling", "Beurtverdeling", "Turn-taking", Strength, "Giving and taking turns.", NotConfirmed),
        // Not confirmed by the source texts: VHT contact principles from training pages.
        new("leiding-geven", "Leiding geven", "Guiding", Strength, "Leading, steering, giving direction.", NotConfirmed),
    ],
    [
        new("initiatief", "initiatief-volgen", "the child's initiative and the parent following it are now two labels"),
    ])
    {
        // Guideline (K-VHT): "het verbeteren van de opvoedingsvaardigheden", "de ouder-kindrelatie verbeteren",
        // "de interactievaardigheden van de ouders".
        Goals =
        [
            new("opvoedingsvaardigheden", "Betere opvoedingsvaardigheden", "Better parenting skills", GoalFor.Carer, Guideline),
            new("interactievaardigheden", "Betere interactievaardigheden", "Better interaction skills", GoalFor.Carer, Guideline),
            new("ouder-kindrelatie", "Betere ouder-kindrelatie", "A better parent–child relationship", GoalFor.Carer, Guideline),
        ],
        // Guideline: "ouders met opvoedingsvragen over kinderen tot vier jaar".
        TargetAges = new(0, 3, Guideline),
    };

    /// <summary>Any well-formed label; every tag must say whether it is a strength, a learning moment or about the child.</summary>
    public static readonly MethodVocabulary Custom = new("custom", "Custom", [], isCustom: true);

    /// <summary>Every vocabulary by its manifest <c>method</c> value.</summary>
    public static readonly IReadOnlyDictionary<string, MethodVocabulary> ByMethod =
        new[] { BasicTrust, VippSd, Vht, Custom }.ToDictionary(v => v.Method, StringComparer.Ordinal);
}
