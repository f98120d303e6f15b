using BasicTrust.Contracts.Api;
using BasicTrust.Functions.Consent;
using BasicTrust.Highlights.Consent;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Functions.Tests.Consent;

public class ConsentCheckTests
{
    static readonly CasePerson Mother = new("moeder", PersonRoles.Find("moeder")!, null, true);
    static readonly CasePerson Child = new("kind", PersonRoles.Find("kind")!, AgeBands.Find("2-3"), false);
    static CasePrivacy Privacy(params ConsentGiven[] consents) => new([Mother, Child], consents, []);
    static ConsentGiven Given(string person, params string[] scopes) => new($"c-{person}", person, scopes, "formulier", DateTimeOffset.UnixEpoch);

    [Fact]
    public void ForFeedback_EveryoneCovered_HasNoProblem() =>
        Assert.Empty(ConsentCheck.ForFeedback(["moeder", "kind"], Privacy(Given("moeder", ConsentScopes.Feedback))));

    [Fact]
    public void ForFeedback_NamesEachPersonAtTheirPlace_AndWhoseConsentLacks()
    {
        var problems = ConsentCheck.ForFeedback(["oma", "kind", CasePerson.SomeoneElse], Privacy(Given("moeder", ConsentScopes.Supervision)));
        Assert.Equal([("onRecording[0]", "case-person"), ("onRecording[1]", "consent"), ("onRecording[2]", "consent")], problems.Select(p => (p.Path, p.Rule)));
        Assert.Contains("moeder", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForFeedback_WithoutWhoIsOnIt_OrAfterTheGuidance_IsRefused()
    {
        Assert.Equal("required", Assert.Single(ConsentCheck.ForFeedback(null, Privacy())).Rule);
        var closed = Privacy(Given("moeder", ConsentScopes.Feedback)) with { ClosedAt = DateTimeOffset.UnixEpoch };
        Assert.Equal(("caseId", "in-guidance"), Assert.Single(ConsentCheck.ForFeedback(["moeder"], closed)) is var p ? (p.Path, p.Rule) : default);
    }

    [Fact]
    public void People_AChildNeedsAnAgeBand_AndAuthorityFollowsTheRoleUnlessGiven()
    {
        var (people, errors) = PrivacyRequests.People(new CasePeopleRequest([new("moeder", "moeder"), new("pleeg", "pleegouder"), new("kind", "kind")]));
        Assert.Equal([("people[2].ageBand", "required")], errors.Select(e => (e.Path, e.Rule)));
        Assert.Equal([true, false], people.Select(p => p.Authority));
        (_, errors) = PrivacyRequests.People(new CasePeopleRequest([new("kind", "kind", "2-3", true), new("iemand-anders", "ouder"), new("Moeder", "tante")]));
        Assert.Equal(["people[0].authority", "people[1].id", "people[2].id", "people[2].role"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Consent_NamesThePersonTheScopesAndTheMeans_AndTakesNoFutureDate()
    {
        var now = DateTimeOffset.Parse("2026-12-07T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var (consent, errors) = PrivacyRequests.Consent(new ConsentRequest("moeder", ["supervisie", "terugkijken"], "mondeling"), Privacy(), now);
        Assert.Empty(errors);
        Assert.Equal(["terugkijken", "supervisie"], consent!.Scopes);
        (_, errors) = PrivacyRequests.Consent(new ConsentRequest("oma", ["publiek"], "sms", now.AddDays(1)), Privacy(), now);
        Assert.Equal(["person", "scopes", "means", "givenAt"], errors.Select(e => e.Path));
    }
}
