using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Time;

namespace BasicTrust.Functions.CutClip;

/// <summary>
/// What determines a clip's bytes, as a hash: a new plan reuses the files of an earlier plan's clip with the same
/// identity instead of cutting them again. The video's identity is the recording's version, the window, how it is cut
/// (quality, the plan's encoding and reason, the probed source it follows from) and the text written into the file
/// (title and comment); the still's is the recording's version, its moment and the encoding. The plan's and clip's ids
/// are not part of either: they name a clip, they do not change its bytes.
/// </summary>
public static class ClipIdentity
{
    /// <summary>The blob metadata key holding the identity, on the clip's video and on its still.</summary>
    public const string MetadataKey = "identity";

    /// <summary>The identity of the clip's video file.</summary>
    public static string Video(PlanDocument plan, PlannedClip clip) => Hash(plan, "video",
        plan.Quality.ToString(), plan.CutReason, TimeCode.Seconds(clip.In), TimeCode.Seconds(clip.Out), clip.Title, clip.Comment);

    /// <summary>The identity of the clip's still (and its small version).</summary>
    public static string Still(PlanDocument plan, PlannedClip clip) => Hash(plan, "still", TimeCode.Seconds(clip.StillAt));

    static string Hash(PlanDocument plan, string kind, params string?[] fields)
    {
        var canonical = new StringBuilder();
        void Field(string? value) => canonical.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        Field($"v{PlanIds.FormatVersion}");
        Field(kind);
        Field(plan.Recording);
        Field(plan.RecordingETag);
        Field(JsonSerializer.Serialize(plan.Media, Json.Options));
        Field(JsonSerializer.Serialize(plan.Encoding, Json.Options));
        foreach (var field in fields) Field(field);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()))).ToLowerInvariant();
    }
}
