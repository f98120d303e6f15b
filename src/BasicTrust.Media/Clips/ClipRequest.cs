namespace BasicTrust.Media.Clips;

/// <summary>One clip to cut: in and out in recording time, and the title and comment written into the file.</summary>
public sealed record ClipRequest(TimeSpan In, TimeSpan Out, string Title, string Comment)
{
    /// <summary>How long the clip is meant to run.</summary>
    public TimeSpan Duration => Out - In;
}
