using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs;
using BasicTrust.DevHost;
using BasicTrust.Testing;
using Microsoft.Extensions.Logging;

namespace BasicTrust.Web.Tests.Support;

[CollectionDefinition("web")]
public sealed class WebCollection : ICollectionFixture<WebFixture>;

/// <summary>
/// One local stack for the browser tests, started once: the Azurite ./test.sh started, the DevHost with this build's
/// worker (sign-in required), the real Static Web Apps CLI serving web/ and proxying /api to it, and Debian's
/// Chromium. Each test opens its own browser context (<see cref="OpenAsync"/>). Reels the tests watch are made by the
/// real pipeline from a tiny generated recording; they are started at once and awaited where needed.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/lib/chromium/chromium";
    readonly LogLines _hostLog = new();
    readonly ILoggerFactory _loggers;

    public WebFixture() => _loggers = LoggerFactory.Create(b => b.AddProvider(_hostLog));

    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("BASICTRUST_STORAGE")
        ?? throw new InvalidOperationException("BASICTRUST_STORAGE is not set: run the tests with ./test.sh, which starts Azurite.");
    public string Folder { get; } = Directory.CreateTempSubdirectory("bt-web-").FullName;
    /// <summary>Where the pages' screenshots go: look at them after a run.</summary>
    public static string Screenshots { get; } = Path.Combine(Repository.Root, ".build", "screenshots");
    /// <summary>A 12-second 320x240 H.264/AAC recording.</summary>
    public string Recording => Path.Combine(Folder, "recording.mp4");

    public LocalFunctionsHost Host { get; private set; } = null!;
    public StaticWebAppsCli Site { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public BlobServiceClient Blobs => new(ConnectionString);
    /// <summary>The development mail server the worker sends to (smtp4dev): the flows read the mail it received.</summary>
    public Smtp4dev Mail { get; } = new();
    public string Diagnostics => $"DevHost:\n{_hostLog.Last()}\nStatic Web Apps CLI:\n{Site?.Output}";

    /// <summary>A ready reel, shared with <see cref="Person.Reviewer"/>, that no test marks reviewed (screenshots, axe).</summary>
    public Task Showcase { get; private set; } = Task.CompletedTask;
    /// <summary>A ready reel, shared with <see cref="Person.Reviewer"/>, for the review flow (which marks it reviewed).</summary>
    public Task ToReview { get; private set; } = Task.CompletedTask;
    /// <summary>The two ready reels of <see cref="Sessions.VerdictCase"/>, shared with <see cref="Person.Reviewer"/>, made one after the other.</summary>
    public Task Verdicts { get; private set; } = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        await Task.WhenAll(Ffmpeg.RecordingAsync(Recording), Mail.StartAsync());
        Host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            AppRoot = Repository.TestAppFolder(Folder),
            Settings = new Dictionary<string, string>
            {
                ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
                ["AzureWebJobsStorage"] = ConnectionString,
                ["PipelineStorage"] = ConnectionString,
                ["BasicTrust__Pipeline__Preset"] = "ultrafast",
                // Previews of the tests' few-second recordings in several segments.
                ["BasicTrust__Pipeline__PreviewSegmentLength"] = "00:00:01",
                ["BasicTrust__Mail__Port"] = Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            BlobScanInterval = TimeSpan.FromMilliseconds(300),
            RunTimers = false,
            HttpPort = 0,
            RequireSignIn = true,
            AcceptStaticWebAppsCli = true,
        }, _loggers);
        Showcase = Sessions.MakeReadyAsync(this, Sessions.ShowcaseCase, Sessions.SessionId, Person.Reviewer, strengthsFirst: true);
        ToReview = Sessions.MakeReadyAsync(this, Sessions.ReviewCase, Sessions.SessionId, Person.Reviewer);
        Verdicts = MakeVerdictsReadyAsync();
        Site = await StaticWebAppsCli.StartAsync(Path.Combine(Repository.Root, "web"), Host.ApiBaseAddress!);
        await AllowOriginAsync(Site.Address.GetLeftPart(UriPartial.Authority));
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    async Task MakeVerdictsReadyAsync()
    {
        await Sessions.MakeReadyAsync(this, Sessions.VerdictCase, Sessions.SentBackSession, Person.Reviewer);
        await Sessions.MakeReadyAsync(this, Sessions.VerdictCase, Sessions.ApprovedSession, Person.Reviewer);
    }

    /// <summary>
    /// Lets pages from <paramref name="origin"/> call Azurite's Blob service (uploads, caption tracks). The SDK writes
    /// back every service property it read, which Azurite requires (a write holding only CORS gets 400).
    /// </summary>
    async Task AllowOriginAsync(string origin)
    {
        var properties = (await Blobs.GetPropertiesAsync()).Value;
        var rules = properties.Cors.Where(r => r.AllowedOrigins != origin).ToList();
        rules.Add(new BlobCorsRule
        {
            AllowedOrigins = origin, AllowedMethods = "PUT,GET,HEAD,OPTIONS", AllowedHeaders = "content-type,content-md5,range,x-ms-*",
            ExposedHeaders = "x-ms-*,etag,content-range", MaxAgeInSeconds = 3600,
        });
        properties.Cors = rules;
        await Blobs.SetPropertiesAsync(properties);
    }

    /// <summary>
    /// A new browser context signed in as <paramref name="person"/>, showing the pages in <paramref name="language"/>,
    /// its clock in <paramref name="timeZone"/> (an IANA name; the machine's when null).
    /// </summary>
    public async Task<BrowserSession> OpenAsync(Person person, string language = "nl", int width = 1280, int height = 900, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.Address.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = language == "nl" ? "nl-NL" : "en-GB",
            TimezoneId = timeZone,
        });
        await context.AddCookiesAsync([new Cookie { Name = Person.CookieName, Value = person.Cookie, Url = Site.Address.GetLeftPart(UriPartial.Authority) }]);
        await context.AddInitScriptAsync($"localStorage.setItem('basictrust.language', '{language}')");
        return await BrowserSession.StartAsync(context);
    }

    /// <summary>The API straight at the DevHost, signed in as <paramref name="person"/> with a development token.</summary>
    /// <summary>Therapist A creates the case through the API, with the family the tests' manifests put on their recordings (<see cref="TestFamily"/>).</summary>
    public async Task CreateCaseAsync(string caseId)
    {
        using var api = Api(Person.TherapistA);
        (await api.PostAsJsonAsync("cases", new { caseId })).EnsureSuccessStatusCode();
        await TestFamily.RecordAsync(api, caseId);
    }

    public HttpClient Api(Person person)
    {
        var client = new HttpClient { BaseAddress = Host.ApiBaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Host.DevelopmentToken(person.Developer));
        return client;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (Site is not null) await Site.DisposeAsync();
        // The reels still being made must not outlive the host they run on.
        await Task.WhenAll(Showcase.ContinueWith(_ => { }), ToReview.ContinueWith(_ => { }), Verdicts.ContinueWith(_ => { }));
        if (Host is not null) await Host.DisposeAsync();
        await Mail.DisposeAsync();
        _loggers.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
