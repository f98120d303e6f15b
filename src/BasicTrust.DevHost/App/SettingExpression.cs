using System.Text.RegularExpressions;

namespace BasicTrust.DevHost.App;

/// <summary>
/// <c>%name%</c> in binding properties (a schedule, a queue name) names an app setting, resolved when the host
/// starts, as the host's name resolver does; a missing setting is an error naming it.
/// </summary>
public static partial class SettingExpression
{
    public static string Resolve(string value, IReadOnlyDictionary<string, string> settings) =>
        Setting().Replace(value, m => settings.TryGetValue(m.Groups[1].Value, out var resolved)
            ? resolved : throw new InvalidDataException($"'{value}' names the app setting '{m.Groups[1].Value}', which is not set."));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Setting();
}
