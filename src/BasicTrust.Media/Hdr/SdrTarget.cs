namespace BasicTrust.Media.Hdr;

/// <summary>What a converted picture is written as: video (BT.709 matrix, limited range) or a JPEG (BT.601 matrix, full range, as JFIF readers assume).</summary>
public enum SdrTarget { Video, Jpeg }
