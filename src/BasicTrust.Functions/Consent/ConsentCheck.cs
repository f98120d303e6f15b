using BasicTrust.Highlights.Consent;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Functions.Consent;

/// <summary>
/// Whether a manifest may be processed, as consent decides: it must say who is on the recording, each of them a person
/// of the case (or <c>iemand-anders</c>), the case must still be in guidance, and everyone on it needs consent for
/// feedback (terugkijken) from whoever gives it for them (<see cref="ConsentRule"/>). Each problem names the person.
/// </summary>
public static class ConsentCheck
{
    public static IReadOnlyList<Problem> ForFeedback(IReadOnlyList<string>? onRecording, CasePrivacy privacy)
    {
        if (privacy.ClosedAt is not null) return [Problem.Error("caseId", "in-guidance", "problem.consent.closed")];
        if (onRecording is null) return [Problem.Error("onRecording", "required", "problem.required.on-recording")];
        var problems = new List<Problem>();
        var known = privacy.People.Select(p => p.Id).Append(CasePerson.SomeoneElse).ToList();
        for (var i = 0; i < onRecording.Count; i++)
            if (!known.Contains(onRecording[i]))
                problems.Add(Problem.Error($"onRecording[{i}]", "case-person", "problem.consent.unknown-person", ("id", onRecording[i]), ("people", string.Join(", ", known))));
        foreach (var missing in privacy.Missing(onRecording.Where(known.Contains), ConsentScopes.Feedback))
            problems.Add(Missing($"onRecording[{onRecording.ToList().IndexOf(missing.PersonId)}]", missing, ConsentScopes.Feedback));
        return problems;
    }

    /// <summary>The problem for one person without the consent <paramref name="scope"/> needs: whose is missing, or that nobody can give it.</summary>
    public static Problem Missing(string path, MissingConsent missing, string scope) => missing.NoAuthority
        ? Problem.Error(path, "consent", "problem.consent.no-authority", ("person", missing.PersonId))
        : Problem.Error(path, "consent", $"problem.consent.missing.{scope}", ("person", missing.PersonId), ("from", string.Join(", ", missing.From)));
}
