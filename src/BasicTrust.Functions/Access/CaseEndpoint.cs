namespace BasicTrust.Functions.Access;

/// <summary>
/// Marks an HTTP function whose route names a case (<c>{caseId}</c>, maybe <c>{sessionId}</c>) with the action it
/// does to it; <see cref="CaseEdge"/> checks the ids and the caller's access before the function runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CaseEndpointAttribute(CaseAction action) : Attribute
{
    public CaseAction Action { get; } = action;
}
