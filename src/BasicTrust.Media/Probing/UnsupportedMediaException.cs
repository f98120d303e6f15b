namespace BasicTrust.Media.Probing;

/// <summary>A recording this pipeline refuses, with a plain reason a therapist understands.</summary>
public sealed class UnsupportedMediaException(string reason) : Exception(reason)
{
    /// <summary>Why, in one sentence ("not a video file").</summary>
    public string Reason { get; } = reason;
}
