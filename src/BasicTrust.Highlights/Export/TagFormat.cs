namespace BasicTrust.Highlights.Export;

/// <summary>The files a session's tags are exported to: each is read back by the matching import.</summary>
public enum TagFormat
{
    /// <summary>An ELAN annotation file (.eaf): a tier per person, the labels from the method's controlled vocabulary.</summary>
    Elan,
    /// <summary>A BORIS tabular events export (.csv): a START and a STOP row per tag.</summary>
    Boris,
    /// <summary>Our CSV (start,end,label,valence,actor,note,caption).</summary>
    Csv,
}
