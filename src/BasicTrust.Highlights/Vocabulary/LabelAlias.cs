namespace BasicTrust.Highlights.Vocabulary;

/// <summary>
/// A code an earlier vocabulary had. Manifests that use it still plan, as <paramref name="NewCode"/>, with a
/// warning that names the new code and says why it changed.
/// </summary>
public sealed record LabelAlias(string OldCode, string NewCode, string Why);
