using System.Text.RegularExpressions;
using BasicTrust.DevHost.App;

namespace BasicTrust.DevHost.Http;

/// <summary>
/// An HTTP trigger's route under the route prefix (<c>/api/sessions/{caseId}/{sessionId}</c>), its methods and
/// whether it needs a key (authLevel function or admin; anonymous does not). Matching is case-insensitive, as
/// ASP.NET Core routing; a segment token takes one segment, a catch-all <c>{*rest}</c> the remainder.
/// </summary>
public sealed partial class HttpRoute
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

    /// <summary>
    /// The route values when <paramref name="method"/> and <paramref name="rawPath"/> (the path of the request target
    /// as the client sent it, still percent-encoded) match, else null. Dot segments are removed first, as Kestrel
    /// does. Each value is decoded once, and an encoded slash stays <c>%2F</c>, as ASP.NET Core routing leaves it.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Match(string method, string rawPath)
    {
        if (!_methods.Contains(method.ToUpperInvariant())) return null;
        var match = _path.Match(RemoveDotSegments(rawPath));
        if (!match.Success) return null;
        return _path.GetGroupNames().Where(g => !int.TryParse(g, out _))
            .ToDictionary(g => g, g => DecodeOnce(match.Groups[g].Value));
    }

    static string DecodeOnce(string raw) =>
        string.Concat(EncodedSlash().Split(raw).Select(part => EncodedSlash().IsMatch(part) ? part : Uri.UnescapeDataString(part)));

    /// <summary>RFC 3986 dot-segment removal on the raw path; <c>%2E</c> counts as a dot, as Kestrel decodes before it normalises.</summary>
    static string RemoveDotSegments(string rawPath)
    {
        var output = new List<string>();
        var segments = rawPath.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var decoded = Uri.UnescapeDataString(segments[i]);
            if (decoded == "..") { if (output.Count > 0) output.RemoveAt(output.Count - 1); }
            else if (decoded != ".") output.Add(segments[i]);
            // A trailing dot segment leaves the path ending in a slash.
            if (i == segments.Length - 1 && decoded is "." or "..") output.Add("");
        }
        return "/" + string.Join('/', output);
    }

    [GeneratedRegex("(%2F)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EncodedSlash();
}
