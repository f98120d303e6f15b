using System.Security.Cryptography;
using System.Text;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Time;

namespace BasicTrust.Highlights.Planning;

/// <summary>
/// Deterministic names: the same recording version, tags and settings give the same ids on every
/// machine, so every pipeline step is safe to repeat and edited tags give a new plan.
/// </summary>
public static class PlanIds
{
    /// <summary>Bump when the pipeline's output for the same input changes, so old plans are superseded.</summary>
    public const int FormatVersion = 4;

    /// <summary>A 12-hex-digit hash of the recording's ETag, the method, the normalised tags, the course, goals and people, the reel settings and the format version.</summary>
    public static string PlanId(string recordingETag, SessionManifest manifest)
    {
        var canonical = new StringBuilder();
        void Field(string? value) => canonical.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        Field($"v{FormatVersion}");
        Field(recordingETag);
        Field(manifest.Method);
        foreach (var t in manifest.Tags)
        {
            Field(t.Id); Field(TimeCode.Seconds(t.Start)); Field(TimeCode.Seconds(t.End)); Field(t.Label.Code);
            Field(t.Valence.ToString()); Field(t.Actor.ToString()); Field(TimeCode.Seconds(t.KeyMoment)); Field(t.Note); Field(t.Caption);
            Field(t.Select.ToString()); Field(t.Concern.ToString()); Field(t.Goal); Field(t.CaptionVoice.ToString());
            Field(t.Emphasis?.Kind.ToString()); Field(t.Emphasis is { } e ? TimeCode.Seconds(e.Length) : null);
            Field(t.Person); Field(t.Speaker);
        }
        Field(manifest.Course?.Session.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(manifest.Course?.Of.ToString(System.Globalization.CultureInfo.InvariantCulture)); Field(manifest.Course?.Theme); Field(manifest.Course?.Type);
        foreach (var g in manifest.Goals) { Field(g.Id); Field(g.Text); Field(g.Code); }
        foreach (var p in manifest.People) { Field(p.Id); Field(p.Role.Code); Field(p.AgeBand?.Code); }
        var r = manifest.Reel;
        Field(r.Order.ToString()); Field(TimeCode.Seconds(r.PreRoll)); Field(TimeCode.Seconds(r.PostRoll));
        Field(r.Quality.ToString()); Field(r.Resolution); Field(TimeCode.Seconds(r.MaxDuration)); Field(r.Language);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..12].ToLowerInvariant();
    }

    /// <summary>The clip's id: the plan id and its position in time.</summary>
    public static string ClipId(string planId, int index) => $"{planId}-{index + 1:d2}";
}
