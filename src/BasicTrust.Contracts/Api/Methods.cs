using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Contracts.Api;

/// <summary>A method in <c>GET /api/methods</c>: its code, its name, and whether its labels are the therapist's own.</summary>
public sealed record MethodSummary(string Method, string Name, bool Custom);

/// <summary>
/// <c>GET /api/methods/{method}</c>: a method's labels and renamed codes, the rule for own labels of a custom method,
/// and with <c>?match=</c> the label the typed text means; the method's goals and the children it is recognised for;
/// and the codes every manifest shares: people's roles, children's age bands, kinds of session.
/// </summary>
public sealed record MethodDetails(string Method, string Name, bool Custom, IReadOnlyList<LabelInfo> Labels, IReadOnlyList<LabelAlias> Aliases,
    string? CustomRule = null, LabelMatch? Match = null, IReadOnlyList<GoalInfo>? Goals = null, TargetAges? TargetAges = null,
    IReadOnlyList<RoleInfo>? Roles = null, IReadOnlyList<string>? AgeBands = null, IReadOnlyList<string>? SessionTypes = null);

/// <summary>One of the method's goals: its code, Dutch and English names, whom it is about, and its source.</summary>
public sealed record GoalInfo(string Code, string Nl, string En, GoalFor For, string Source);

/// <summary>A role a person of a case can have, and whose side it is on (parent or child).</summary>
public sealed record RoleInfo(string Code, Actor Actor);

/// <summary>One label: its code, Dutch and English names, default valence and actor, what it means, whether the sources confirm it.</summary>
public sealed record LabelInfo(string Code, string Nl, string En, Valence Valence, Actor Actor, string Description, bool Confirmed);

/// <summary>The label a typed text means: <c>Exact</c> for a code, an old code or a name; otherwise the closest one.</summary>
public sealed record LabelMatch(string Code, bool Exact);
