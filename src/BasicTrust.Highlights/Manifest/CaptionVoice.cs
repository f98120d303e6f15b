namespace BasicTrust.Highlights.Manifest;

/// <summary>Who a caption speaks as.</summary>
public enum CaptionVoice
{
    /// <summary>The therapist's own words (the default).</summary>
    Therapist,
    /// <summary>Speaking for the child: the child's experience put into words, as VIPP-SD does.</summary>
    Child,
}
