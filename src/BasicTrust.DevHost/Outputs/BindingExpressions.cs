using System.Globalization;
using System.Text.RegularExpressions;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Outputs;

/// <summary>
/// <c>{name}</c> in an output's queue name or path, filled from the invocation's trigger metadata (a blob path token,
/// a property of a JSON message), plus the host's system expressions <c>{rand-guid}</c> and <c>{DateTime}</c>.
/// </summary>
public static partial class BindingExpressions
{
    public static string Resolve(string template, IReadOnlyDictionary<string, TypedData> metadata, TimeProvider clock) =>
        Expression().Replace(template, m => m.Groups[1].Value switch
        {
            var name when name.Equals("rand-guid", StringComparison.OrdinalIgnoreCase) => Guid.NewGuid().ToString(),
            var name when name.Equals("DateTime", StringComparison.OrdinalIgnoreCase) =>
                clock.GetUtcNow().ToString("yyyy-MM-ddTHH-mm-ssZ", CultureInfo.InvariantCulture),
            var name => Lookup(metadata, name) ?? throw new InvalidOperationException($"'{template}': the trigger gives no value for {{{name}}}."),
        });

    // Binding data is matched case-insensitively, as the host does.
    static string? Lookup(IReadOnlyDictionary<string, TypedData> metadata, string name) =>
        metadata.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { DataCase: TypedData.DataOneofCase.String } value
            ? value.String : null;

    [GeneratedRegex(@"\{([A-Za-z0-9_\-]+)\}")]
    private static partial Regex Expression();
}
