namespace BasicTrust.Functions.Access;

/// <summary>The app roles of the Entra ID app registration; any other role a sign-in carries is ignored.</summary>
public static class AppRoles
{
    public const string Therapist = "therapist";
    public const string Reviewer = "reviewer";
    public const string PrivacyOfficer = "privacy-officer";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Therapist, Reviewer, PrivacyOfficer], StringComparer.Ordinal);
}
