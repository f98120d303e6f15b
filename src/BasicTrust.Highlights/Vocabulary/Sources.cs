namespace BasicTrust.Highlights.Vocabulary;

/// <summary>
/// The texts the vocabularies are checked against, named by their own titles. A label whose source is
/// <see cref="NotConfirmed"/> comes from secondary material and should be checked against the method's manual.
/// </summary>
public static class Sources
{
    /// <summary>Slide deck "De Basic Trust-methode" (A. Spruit, Basic Trust).</summary>
    public const string BasicTrustDeck = "De Basic Trust-methode (slide deck)";
    /// <summary>Guideline chapter "Problematische gehechtheid — 5. Preventie en interventie".</summary>
    public const string Guideline = "Richtlijn Problematische gehechtheid, 5. Preventie en interventie";
    /// <summary>NJi (2018), "Jeugdigen met een problematische gehechtheid — Wat werkt?".</summary>
    public const string WatWerkt = "NJi (2018), Jeugdigen met een problematische gehechtheid — Wat werkt?";
    /// <summary>Session slides "Hechting en Trauma" ('Aan tafel'-ontbijtsessie, 13 december 2018).</summary>
    public const string HechtingEnTrauma = "Hechting en Trauma (sessie 13 december 2018)";
    /// <summary>Kennisbank Werkzame Elementen, "veilige hechting".</summary>
    public const string WerkzameElementen = "Kennisbank Werkzame Elementen: veilige hechting";
    /// <summary>Not found in the source texts above; kept from secondary web pages.</summary>
    public const string NotConfirmed = "not confirmed";
}
