using BasicTrust.Highlights.Texts;

namespace BasicTrust.Media.Probing;

/// <summary>A recording this pipeline refuses, with a plain reason a therapist understands (in English as its message).</summary>
public sealed class UnsupportedMediaException(Sentence reason) : Exception(reason.ToString())
{
    /// <summary>Why, in one sentence ("not a video file"), in the catalogue's words.</summary>
    public Sentence Reason { get; } = reason;

    /// <summary>Refused for the catalogue's <paramref name="key"/> with these values.</summary>
    public UnsupportedMediaException(string key, params (string Name, object Value)[] args) : this(Sentence.Of(key, args)) { }
}
