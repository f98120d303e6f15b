namespace BasicTrust.Media.Clips;

/// <summary>How a clip was cut; written into its metadata.</summary>
public enum CutMethod
{
    /// <summary>Every frame decoded and encoded again (frame-accurate).</summary>
    ReEncode,
    /// <summary>Only the frames from the in point to the next keyframe and from the last keyframe to the out point re-encoded, the rest copied (frame-accurate).</summary>
    SmartCut,
    /// <summary>Copied, widened outward to keyframes (a draft).</summary>
    StreamCopy,
}
