namespace BasicTrust.DevHost.App;

/// <summary>A function as the worker reported it: its id, where its code is, its trigger and its output bindings.</summary>
public sealed record FunctionDefinition(string Id, string Name, string ScriptFile, string EntryPoint, IReadOnlyList<Binding> Bindings)
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

    /// <summary>This function with <c>%setting%</c> in its bindings' string properties replaced by the app settings.</summary>
    public FunctionDefinition WithSettings(IReadOnlyDictionary<string, string> settings) =>
        this with { Bindings = [.. Bindings.Select(b => b.WithSettings(settings))] };
}
