using BasicTrust.DevHost.Http;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The people the end-to-end tests act as, by Entra object id and app roles.</summary>
public static class People
{
    public static readonly DevelopmentUser TherapistA = new("a0000000-0000-4000-8000-00000000000a", ["therapist"]);
    public static readonly DevelopmentUser TherapistB = new("b0000000-0000-4000-8000-00000000000b", ["therapist"]);
    public static readonly DevelopmentUser Reviewer = new("c0000000-0000-4000-8000-00000000000c", ["reviewer"]);
    public static readonly DevelopmentUser OtherReviewer = new("d0000000-0000-4000-8000-00000000000d", ["reviewer"]);
    public static readonly DevelopmentUser PrivacyOfficer = new("e0000000-0000-4000-8000-00000000000e", ["privacy-officer"]);
}
