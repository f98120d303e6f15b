using System.Collections;
using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.App;

/// <summary>
/// App settings as Core Tools gathers them: the <c>Values</c> of the app's <c>local.settings.json</c>, overridden by
/// environment variables of the same name.
/// </summary>
public static class LocalSettings
{
    public static Dictionary<string, string> Read(string settingsFile)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(settingsFile) && JsonNode.Parse(File.ReadAllText(settingsFile))?["Values"] is JsonObject values)
            foreach (var (key, value) in values) settings[key] = value is JsonValue v ? v.ToString() : "";
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            settings[(string)variable.Key] = (string?)variable.Value ?? "";
        return settings;
    }
}
