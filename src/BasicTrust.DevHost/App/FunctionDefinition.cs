using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BasicTrust.DevHost.App;

/// <summary>A function as the worker reported it: its id, where its code is, its trigger and its output bindings.</summary>
public sealed partial record FunctionDefinition(string Id, string Name, string ScriptFile, string EntryPoint, IReadOnlyList<Binding> Bindings)
{
    /// <summary>The one trigger binding; a function without exactly one is refused when it is read.</summary>
    public Binding Trigger => Bindings.Count(b => b.IsTrigger) == 1
        ? Bindings.Single(b => b.IsTrigger)
        : throw new InvalidDataException($"Function {Name} must have exactly one trigger, found {Bindings.Count(b => b.IsTrigger)}.");

    /// <summary>Refuses a function without exactly one trigger when it is read, not when it first fires.</summary>
    public static FunctionDefinition Create(string id, string name, string scriptFile, string entryPoint, IEnumerable<string> rawBindings)
    {
        var function = new FunctionDefinition(id, name, scriptFile, entryPoint, [.. rawBindings.Select(Binding.Parse)]);
        _ = function.Trigger;
        return function;
    }

    public IEnumerable<Binding> Outputs => Bindings.Where(b => b.IsOutput && !b.IsTrigger);

    /// <summary>
    /// The trigger value goes to the worker as a reference it opens itself (<c>ModelBindingData</c>: BlobClient,
    /// QueueMessage, BinaryData) rather than as the content: when the trigger supports it, unless the real host skips
    /// it. The host skips it when a binding has a <c>{…}</c> expression, but it looks only at the first binding that is
    /// not the trigger (inputs before outputs; WorkerFunctionDescriptorProvider.BindingAttributeContainsExpression
    /// returns from inside its loop). Then the same function fails in Azure with a converter error, and here too.
    /// </summary>
    public bool SendsReference => Trigger.SupportsDeferredBinding && !HasExpression(FirstNonTrigger);

    Binding? FirstNonTrigger =>
        Bindings.Where(b => !b.IsTrigger && !b.IsOutput).Concat(Outputs).FirstOrDefault();

    static readonly string[] NotAttributeProperties = ["name", "type", "direction", "properties"];

    static bool HasExpression(Binding? binding) => binding is not null && binding.Properties
        .Where(p => !NotAttributeProperties.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
        .Any(p => p.Value is JsonValue v && v.TryGetValue<string>(out var text) && Expression().IsMatch(text));

    [GeneratedRegex(@"\{(.*?)\}")]
    private static partial Regex Expression();

    /// <summary>This function with <c>%setting%</c> in its bindings' string properties replaced by the app settings.</summary>
    public FunctionDefinition WithSettings(IReadOnlyDictionary<string, string> settings) =>
        this with { Bindings = [.. Bindings.Select(b => b.WithSettings(settings))] };
}
