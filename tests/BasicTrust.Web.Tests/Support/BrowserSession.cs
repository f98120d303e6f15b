using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace BasicTrust.Web.Tests.Support;

/// <summary>
/// One browser context and its page. Console errors, page errors and failed requests are collected for the test to
/// check; the handlers only add to a list and never throw (an exception in a Playwright handler tears down the
/// connection for every later test).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    readonly LogLines _problems = new();

    BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>What went wrong in the page: script errors and CSP violations in the console, uncaught errors, failed requests.</summary>
    public IReadOnlyList<string> Problems => [.. _problems.Lines];

    public static async Task<BrowserSession> StartAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        page.Console += (_, message) =>
        {
            // An answer the page expects (404 before a session has a status) is logged by Chromium as a failed
            // resource; what matters here are script errors and CSP violations.
            try { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) session._problems.Add($"console: {message.Text}"); }
            catch { }
        };
        page.PageError += (_, error) => { try { session._problems.Add($"page error: {error}"); } catch { } };
        page.RequestFailed += (_, request) =>
        {
            // A link a test leaves (or a video it stops loading) is aborted, not failed.
            try { if (request.Failure is { } failure && !failure.Contains("ERR_ABORTED")) session._problems.Add($"request failed: {request.Method} {new Uri(request.Url).AbsolutePath} {failure}"); }
            catch { }
        };
        return session;
    }

    /// <summary>Goes to a path of the site and waits until the page has drawn its heading.</summary>
    public async Task GoAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("main h1").WaitForAsync();
    }

    /// <summary>What axe-core finds against WCAG 2.1 A and AA on the page as it is now, one line per rule broken.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityProblemsAsync()
    {
        var results = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return [.. results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")];
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
