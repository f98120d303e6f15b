using System.Text.RegularExpressions;
using BasicTrust.DevHost.App;

namespace BasicTrust.DevHost.Http;

/// <summary>
/// An HTTP trigger's route under the route prefix (<c>/api/sessions/{caseId}/{sessionId}</c>), its methods and
/// whether it needs a key (authLevel function or admin; anonymous does not). Matching is case-insensitive, as
/// ASP.NET Core routing; a segment token takes one segment, a catch-all <c>{*rest}</c> the remainder.
/// </summary>
public sealed class HttpRoute
{
    readonly Regex _path;
    readonly IReadOnlySet<string> _methods;

    HttpRoute(FunctionDefinition function, Regex path, IReadOnlySet<string> methods, bool needsKey) =>
        (Function, _path, _methods, NeedsKey) = (function, path, methods, needsKey);

    public FunctionDefinition Function { get; }
    public bool NeedsKey { get; }

    public static HttpRoute From(FunctionDefinition function, string routePrefix)
    {
        var template = (function.Trigger["route"] ?? function.Name).Trim('/');
        var prefix = routePrefix.Length == 0 ? "" : Regex.Escape(routePrefix) + "/";
        var pattern = "^/" + prefix + PathTemplate.Pattern(template, t => t.CatchAll ? $"(?<{t.Name}>.*)" : $"(?<{t.Name}>[^/]+)") + @"/?\z";
        var methods = function.Trigger.Properties["methods"] is System.Text.Json.Nodes.JsonArray list && list.Count > 0
            ? list.Select(m => ((string)m!).ToUpperInvariant()).ToHashSet()
            : new HashSet<string>(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]);
        var level = function.Trigger["authLevel"] ?? "function";
        return new HttpRoute(function, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), methods,
            !level.Equals("anonymous", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The route values when <paramref name="method"/> and the (decoded) <paramref name="path"/> match, else null.</summary>
    public IReadOnlyDictionary<string, string>? Match(string method, string path)
    {
        if (!_methods.Contains(method.ToUpperInvariant())) return null;
        var match = _path.Match(path);
        if (!match.Success) return null;
        return _path.GetGroupNames().Where(g => !int.TryParse(g, out _))
            .ToDictionary(g => g, g => Uri.UnescapeDataString(match.Groups[g].Value));
    }
}
