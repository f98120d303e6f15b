using System.ComponentModel.DataAnnotations;

namespace BasicTrust.Functions.Consent;

/// <summary>Settings of privacy, bound from <c>BasicTrust:Privacy</c> (app settings <c>BasicTrust__Privacy__…</c>).</summary>
public sealed class PrivacyOptions
{
    /// <summary>
    /// How many days after the guidance ends a case's recordings and everything made of them are deleted: time to
    /// finish the file, short because the video has served its purpose. The storage lifecycle rules are the backstop.
    /// </summary>
    [Range(0, 365)]
    public int RetentionDays { get; set; } = 30;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
