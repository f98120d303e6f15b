using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Contracts.Api;

/// <summary>A method in <c>GET /api/methods</c>: its code, its name, and whether its labels are the therapist's own.</summary>
public sealed record MethodSummary(string Method, string Name, bool Custom);

/// <summary>
/// <c>GET /api/methods/{method}</c>: a method's labels and renamed codes, the rule for own labels of a custom method,
/// and with <c>?match=</c> the label the typed text means.
/// </summary>
public sealed record MethodDetails(string Method, string Name, bool Custom, IReadOnlyList<LabelInfo> Labels, IReadOnlyList<LabelAlias> Aliases,
    string? CustomRule = null, LabelMatch? Match = null);

/// <summary>One label: its code, Dutch and English names, default valence and actor, what it means, whether the sources confirm it.</summary>
public sealed record LabelInfo(string Code, string Nl, string En, Valence Valence, Actor Actor, string Description, bool Confirmed);

/// <summary>The label a typed text means: <c>Exact</c> for a code, an old code or a name; otherwise the closest one.</summary>
public sealed record LabelMatch(string Code, bool Exact);
