using BasicTrust.Highlights.Consent;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Tests.Consent;

public class ConsentRuleTests
{
    static CasePerson Parent(string id, string role = "moeder", bool? authority = null) =>
        new(id, PersonRoles.Find(role)!, null, authority ?? CasePerson.AuthorityByDefault(PersonRoles.Find(role)!));
    static CasePerson Child(string band) => new("kind", PersonRoles.Find("kind")!, AgeBands.Find(band), false);
    static ConsentGiven Given(string person, params string[] scopes) => new($"c-{person}", person, scopes, "formulier", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("0-1", "moeder,vader")]
    [InlineData("7-11", "moeder,vader")]
    [InlineData("12-15", "kind,moeder,vader")]
    [InlineData("16-17", "kind")]
    public void Need_ForAChild_FollowsTheAge(string band, string expected)
    {
        IReadOnlyList<CasePerson> people = [Parent("moeder"), Parent("vader", "vader"), Child(band)];
        Assert.Equal(expected.Split(','), ConsentRule.Need("kind", people).From);
    }

    [Fact]
    public void Need_CountsOnlyTheParentsWithAuthority_SoAFosterParentDoesNotConsentForTheChild()
    {
        IReadOnlyList<CasePerson> people = [Parent("pleegmoeder", "pleegouder"), Parent("moeder", authority: true), Child("4-6")];
        Assert.Equal(["moeder"], ConsentRule.Need("kind", people).From);
        Assert.Equal(["pleegmoeder"], ConsentRule.Need("pleegmoeder", people).From);
    }

    [Fact]
    public void Need_WithNobodyHoldingAuthority_SaysSo_ForAChildUnder16()
    {
        IReadOnlyList<CasePerson> people = [Parent("pleegmoeder", "pleegouder"), Child("2-3")];
        Assert.True(ConsentRule.Need("kind", people).NoAuthority);
        Assert.Single(ConsentRule.Missing(["kind"], people, [Given("pleegmoeder", ConsentScopes.Feedback)], ConsentScopes.Feedback));
    }

    [Fact]
    public void Need_OfSomeoneElse_IsTheirOwn() =>
        Assert.Equal([CasePerson.SomeoneElse], ConsentRule.Need(CasePerson.SomeoneElse, [Parent("moeder")]).From);

    [Fact]
    public void Missing_NamesWhoseConsentLacksForWhichPerson_PerScope_AndAWithdrawnOneCountsAsNone()
    {
        IReadOnlyList<CasePerson> people = [Parent("moeder"), Parent("vader", "vader"), Child("2-3")];
        ConsentGiven[] consents = [Given("moeder", ConsentScopes.Feedback, ConsentScopes.Supervision), Given("vader", ConsentScopes.Feedback)];

        Assert.Empty(ConsentRule.Missing(["moeder", "vader", "kind"], people, consents, ConsentScopes.Feedback));
        var supervision = ConsentRule.Missing(["moeder", "vader", "kind"], people, consents, ConsentScopes.Supervision);
        Assert.Equal([("vader", "vader"), ("kind", "vader")], supervision.Select(m => (m.PersonId, string.Join(',', m.From))));

        consents[1] = consents[1] with { WithdrawnAt = DateTimeOffset.UnixEpoch.AddDays(1) };
        Assert.Equal(["vader", "kind"], ConsentRule.Missing(["moeder", "vader", "kind"], people, consents, ConsentScopes.Feedback).Select(m => m.PersonId));
    }
}
