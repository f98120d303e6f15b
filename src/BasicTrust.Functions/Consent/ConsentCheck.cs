using BasicTrust.Highlights.Consent;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Functions.Consent;

/// <summary>
/// What consent lets happen to a recording, each problem naming the person at their place in <c>onRecording</c>.
/// Cutting (<see cref="ForFeedback"/>): the manifest says who is on the recording, each a person of the case (or
/// <c>iemand-anders</c>), the case is still in guidance, and everyone on it has feedback (terugkijken) consent from
/// whoever gives it for them (<see cref="ConsentRule"/>). Showing it to a reviewer (<see cref="ForSupervision"/>):
/// everyone on it has supervision consent.
/// </summary>
public static class ConsentCheck
{
    public static IReadOnlyList<Problem> ForFeedback(IReadOnlyList<string>? onRecording, CasePrivacy privacy)
    {
        if (privacy.ClosedAt is not null) return [Problem.Error("caseId", "in-guidance", "problem.consent.closed")];
        if (onRecording is null) return [OnRecordingRequired];
        var problems = new List<Problem>();
        var known = privacy.People.Select(p => p.Id).Append(CasePerson.SomeoneElse).ToList();
        for (var i = 0; i < onRecording.Count; i++)
            if (!known.Contains(onRecording[i]))
                problems.Add(Problem.Error($"onRecording[{i}]", "case-person", "problem.consent.unknown-person", ("id", onRecording[i]), ("people", string.Join(", ", known))));
        problems.AddRange(Missing([.. onRecording.Where(known.Contains)], onRecording, privacy, ConsentScopes.Feedback));
        return problems;
    }

    /// <summary>Whether a reviewer may see the recording's reel; a recording whose people were never recorded may show anyone.</summary>
    public static IReadOnlyList<Problem> ForSupervision(IReadOnlyList<string>? onRecording, CasePrivacy privacy) =>
        onRecording is null ? [OnRecordingRequired] : Missing(onRecording, onRecording, privacy, ConsentScopes.Supervision);

    static readonly Problem OnRecordingRequired = Problem.Error("onRecording", "required", "problem.required.on-recording");

    /// <summary>
    /// A problem for each of <paramref name="people"/> without the consent <paramref name="scope"/> needs, at their
    /// place in <paramref name="onRecording"/>: whose consent is missing, or that nobody can give it.
    /// </summary>
    static List<Problem> Missing(IReadOnlyList<string> people, IReadOnlyList<string> onRecording, CasePrivacy privacy, string scope) =>
        [.. privacy.Missing(people, scope).Select(missing =>
        {
            var path = $"onRecording[{onRecording.ToList().IndexOf(missing.PersonId)}]";
            return missing.NoAuthority
                ? Problem.Error(path, "consent", "problem.consent.no-authority", ("person", missing.PersonId))
                : Problem.Error(path, "consent", $"problem.consent.missing.{scope}", ("person", missing.PersonId), ("from", string.Join(", ", missing.From)));
        })];
}
