namespace BasicTrust.Highlights.Manifest;

/// <summary>Who a caption speaks as.</summary>
public enum CaptionVoice
{
    /// <summary>The therapist's own words (the default).</summary>
    Therapist,
    /// <summary>The child's words, or speaking for the child (the child's experience put into words, as VIPP-SD does).</summary>
    Child,
    /// <summary>The words of a parent or carer of the case.</summary>
    Parent,
}
