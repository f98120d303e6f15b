namespace BasicTrust.Web.Tests.Support;

/// <summary>
/// A Dutch page speaks Dutch: every visible text of the page, read as a person sees it, holds none of the English
/// markers below (words and sentences English has and Dutch does not, and the browser's own English errors). Code
/// (field paths, ids in <c>code</c>) and text marked as another language (the "English" switch) are not read.
/// </summary>
public static class DutchText
{
    /// <summary>
    /// English that has turned up on Dutch pages, or would: function words Dutch does not have (not " of ", which it
    /// has), the API's and the browser's sentences, the audit log's action codes.
    /// </summary>
    static readonly string[] EnglishMarkers =
    [
        " the ", "The ", " not ", " must ", " cannot ", " could ", " has ", " been ", "There ", " and ", " or ", " you ",
        " your ", " with ", " for ", " this ", " that ", " may ", " named ", "No ", "Use ", "Not found", "Sign in", "Browsers",
        "Custom", "characters", "pipeline", "purge", "refused", "read-link", "upload-link", "create-case",
        "Failed to fetch", "dynamically imported", "NetworkError", "Load failed",
    ];

    /// <summary>The visible texts of the page, one per text node, with the English markers each holds.</summary>
    public static async Task<IReadOnlyList<string>> EnglishAsync(IPage page)
    {
        var texts = await page.EvaluateAsync<string[]>("""
            () => {
              const seen = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const element = node.parentElement;
                if (!element || element.closest("code, script, style, [lang]:not([lang='nl'])")) continue;
                // An option shows when its list is opened: it counts when its select is visible.
                const shown = element.closest("select") ?? element;
                if (!shown.checkVisibility({ visibilityProperty: true }) || node.textContent.trim() === "") continue;
                seen.push(node.textContent.replace(/\s+/g, " ").trim());
              }
              return seen;
            }
            """);
        return [.. texts.Distinct().Select(text => (Text: text, Markers: EnglishIn(text))).Where(t => t.Markers.Count > 0)
            .Select(t => $"{t.Text}  [{string.Join(", ", t.Markers.Select(m => $"'{m}'"))}]")];
    }

    /// <summary>The English markers in one text.</summary>
    public static IReadOnlyList<string> EnglishIn(string text) => [.. EnglishMarkers.Where(m => $" {text} ".Contains(m, StringComparison.Ordinal))];

    /// <summary>Fails naming every English text on the page as it is now, and where (the page's path).</summary>
    public static async Task AssertAsync(IPage page, string state)
    {
        var english = await EnglishAsync(page);
        var where = $"{new Uri(page.Url).AbsolutePath} ({state})";
        Assert.True(english.Count == 0, $"English on the Dutch page {where}:\n{string.Join('\n', english)}");
    }
}
