namespace BasicTrust.Functions.Access;

/// <summary>What a request does to a case.</summary>
public enum CaseAction
{
    /// <summary>Read its sessions' status, reels and links, and its sharing.</summary>
    View,
    /// <summary>Mark a reel reviewed.</summary>
    Review,
    /// <summary>Upload a recording, send a manifest, record the terugkijkgesprek: the therapist's own work on the case.</summary>
    Upload,
    /// <summary>Share it with a reviewer or take that back.</summary>
    Share,
    /// <summary>Delete everything of it (consent withdrawn).</summary>
    Purge,
    /// <summary>Read its people and consents, record a consent or its withdrawal: the owner, and privacy officers.</summary>
    Consent,
    /// <summary>Set or lift a legal hold on the deletion of its recordings: privacy officers only.</summary>
    Hold,
}

/// <summary>The answer to one request: go on, 404 (the case is not revealed) or 403 (seen, but not this action).</summary>
public enum Verdict { Allow, Hide, Forbid }

/// <summary>Who may do what to a case: the whole access model in one pure function.</summary>
public static class AccessRules
{
    public static Verdict Decide(Principal who, CaseRole role, CaseAction action) => (role, action) switch
    {
        // A privacy officer may purge any case, keep its consents and hold its deletion, and so knows it exists;
        // watching it needs a share like anyone.
        (_, CaseAction.Purge or CaseAction.Consent or CaseAction.Hold) when who.Is(AppRoles.PrivacyOfficer) => Verdict.Allow,
        (CaseRole.None, _) => who.Is(AppRoles.PrivacyOfficer) ? Verdict.Forbid : Verdict.Hide,
        // The owner acts as a therapist: one whose role was taken away in Entra ID keeps seeing nothing new.
        (CaseRole.Owner, CaseAction.View or CaseAction.Review or CaseAction.Upload or CaseAction.Share or CaseAction.Consent) =>
            who.Is(AppRoles.Therapist) ? Verdict.Allow : Verdict.Forbid,
        // Anyone the owner shared it with, as long as they hold one of the app's roles (a therapist can supervise too).
        (CaseRole.Reviewer, CaseAction.View or CaseAction.Review) => who.Roles.Count > 0 ? Verdict.Allow : Verdict.Forbid,
        _ => Verdict.Forbid,
    };

    /// <summary>
    /// Who gives a reel its verdict (approve, send back): a reviewer the case is shared with; the owner only while the
    /// case has no reviewer (a therapist working alone). Supervision is a second pair of eyes, so once there is one,
    /// the therapist does not approve their own reel.
    /// </summary>
    public static bool MayGiveVerdict(CaseRole role, int reviewers) => role == CaseRole.Reviewer || (role == CaseRole.Owner && reviewers == 0);
}
