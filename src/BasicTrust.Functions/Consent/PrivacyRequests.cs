using BasicTrust.Highlights.Consent;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Functions.Consent;

/// <summary>Reads the privacy requests: every problem at once, each naming the field and the rule.</summary>
public static class PrivacyRequests
{
    /// <summary>The most characters of a hold's reason.</summary>
    public const int MaxReasonLength = 300;

    public static (IReadOnlyList<CasePerson> People, List<FieldProblem> Errors) People(CasePeopleRequest request)
    {
        var (people, errors) = (new List<CasePerson>(), new List<FieldProblem>());
        if (request.People is not { } list) return ([], [FieldProblem.Create("people", "required", "problem.required.people")]);
        if (list.Count > ManifestReader.MaxPeople) errors.Add(FieldProblem.Create("people", "count", "problem.count.people", ("count", list.Count), ("max", ManifestReader.MaxPeople)));
        for (var i = 0; i < Math.Min(list.Count, ManifestReader.MaxPeople); i++)
        {
            var (item, path) = (list[i], $"people[{i}]");
            if (item is null) { errors.Add(FieldProblem.Create(path, "type", "problem.type.person")); continue; }
            var id = item.Id;
            if (!Ids.IsValid(id)) errors.Add(FieldProblem.Create($"{path}.id", "id", "problem.id", ("value", Short(id ?? ""))));
            else if (id == CasePerson.SomeoneElse || people.Any(p => p.Id == id)) errors.Add(FieldProblem.Create($"{path}.id", "unique", "problem.unique.person", ("id", id!)));
            var role = PersonRoles.Find(item.Role ?? "");
            if (role is null) errors.Add(FieldProblem.Create($"{path}.role", "one-of", "problem.one-of", ("value", Short(item.Role ?? "")), ("name", $"{path}.role"), ("allowed", string.Join(", ", PersonRoles.All.Select(r => r.Code)))));
            var band = item.AgeBand is null ? null : AgeBands.Find(item.AgeBand);
            if (item.AgeBand is not null && band is null)
                errors.Add(FieldProblem.Create($"{path}.ageBand", "one-of", "problem.one-of", ("value", Short(item.AgeBand)), ("name", $"{path}.ageBand"), ("allowed", string.Join(", ", AgeBands.All.Select(b => b.Code)))));
            if (role is { Actor: Actor.Child } && item.AgeBand is null) errors.Add(FieldProblem.Create($"{path}.ageBand", "required", "problem.required.child-age-band"));
            if (role is { Actor: not Actor.Child } && item.AgeBand is not null) errors.Add(FieldProblem.Create($"{path}.ageBand", "child-only", "problem.child-only.age-band"));
            if (role is { Actor: Actor.Child } && item.Authority == true) errors.Add(FieldProblem.Create($"{path}.authority", "adult-only", "problem.consent.child-authority"));
            if (Ids.IsValid(id) && role is not null && (band is not null || role.Actor != Actor.Child))
                people.Add(new CasePerson(id!, role, band, item.Authority ?? CasePerson.AuthorityByDefault(role)));
        }
        return (people, errors);
    }

    public static (ConsentGiven? Consent, List<FieldProblem> Errors) Consent(ConsentRequest request, CasePrivacy privacy, DateTimeOffset now)
    {
        var errors = new List<FieldProblem>();
        var known = privacy.People.Select(p => p.Id).Append(CasePerson.SomeoneElse).ToList();
        if (request.Person is not { } person || !known.Contains(person))
            errors.Add(FieldProblem.Create("person", "case-person", "problem.consent.unknown-person", ("id", Short(request.Person ?? "")), ("people", string.Join(", ", known))));
        var scopes = request.Scopes ?? [];
        if (scopes.Count == 0 || scopes.Any(s => !ConsentScopes.All.Contains(s)) || scopes.Distinct().Count() != scopes.Count)
            errors.Add(FieldProblem.Create("scopes", "one-of", "problem.consent.scopes", ("allowed", string.Join(", ", ConsentScopes.All))));
        if (request.Means is not { } means || !ConsentScopes.Means.Contains(means))
            errors.Add(FieldProblem.Create("means", "one-of", "problem.one-of", ("value", Short(request.Means ?? "")), ("name", "means"), ("allowed", string.Join(", ", ConsentScopes.Means))));
        var givenAt = request.GivenAt ?? now;
        if (givenAt > now + TimeSpan.FromMinutes(5)) errors.Add(FieldProblem.Create("givenAt", "not-future", "problem.consent.future"));
        if (errors.Count > 0) return (null, errors);
        var id = $"c-{now.UtcTicks:x}-{Guid.NewGuid():N}"[..24];
        return (new ConsentGiven(id, request.Person!, [.. ConsentScopes.All.Where(scopes.Contains)], request.Means!, givenAt), errors);
    }

    public static (string? Reason, List<FieldProblem> Errors) Hold(HoldRequest request) =>
        request.Reason?.Trim() is { Length: > 0 and <= MaxReasonLength } reason
            ? (reason, [])
            : (null, [FieldProblem.Create("reason", "length", "problem.hold.reason", ("max", MaxReasonLength))]);

    static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
