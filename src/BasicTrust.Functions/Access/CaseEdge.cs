using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Access;

/// <summary>
/// The front door of every case endpoint, once: for a function marked <see cref="CaseEndpointAttribute"/> it checks
/// the route's ids (400 naming each bad one: <c>caseId</c> and <c>sessionId</c> by the id rule, a reviewer's
/// <c>objectId</c> as a GUID), then asks <see cref="CaseGate"/> whether the caller may do the function's action
/// (404, 403 or 410, audited), and hands the function a <see cref="CaseCall"/>.
/// </summary>
public sealed class CaseEdge(CaseGate gate) : IFunctionsWorkerMiddleware
{
    static readonly ConcurrentDictionary<string, CaseAction?> Actions = new();

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && ActionOf(context.FunctionDefinition) is { } action)
        {
            string? Route(string name) => context.BindingContext.BindingData.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
            var (caseId, sessionId, objectId) = (Route("caseId") ?? "", Route("sessionId"), Route("objectId"));
            var errors = ApiResults.IdErrors([("caseId", caseId), .. sessionId is null ? [] : new[] { ("sessionId", sessionId) }]);
            if (objectId is not null && (!Guid.TryParseExact(objectId, "D", out var reviewer) || reviewer == Guid.Empty))
                errors.Add(FieldProblem.Create("objectId", "guid", "problem.guid"));
            if (errors.Count > 0)
            {
                await ApiResults.BadRequest("api.ids.detail", errors).ExecuteAsync(http);
                return;
            }
            var (record, refusal) = await gate.CheckAsync(http, caseId, action);
            if (refusal is not null)
            {
                await refusal.ExecuteAsync(http);
                return;
            }
            http.Items[typeof(CaseCall)] = new CaseCall(caseId, sessionId is null ? null : SessionKey.Create(caseId, sessionId), record, Principal.Of(http));
        }
        await next(context);
    }

    /// <summary>The action a function declares, read once per function from its method.</summary>
    static CaseAction? ActionOf(FunctionDefinition function) => Actions.GetOrAdd(function.Id, _ =>
    {
        var dot = function.EntryPoint.LastIndexOf('.');
        var type = typeof(CaseEdge).Assembly.GetType(function.EntryPoint[..dot]);
        return type?.GetMethod(function.EntryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            ?.GetCustomAttribute<CaseEndpointAttribute>()?.Action;
    });
}
