using BasicTrust.Functions.Api;
using BasicTrust.Functions.GetReel;
using BasicTrust.Functions.GetStatus;
using BasicTrust.Functions.ListReviews;
using BasicTrust.Functions.MarkReviewed;
using BasicTrust.Functions.PurgeCase;
using BasicTrust.Functions.PutManifest;
using BasicTrust.Functions.UploadLink;
using BasicTrust.Functions.AssembleReel;
using BasicTrust.Functions.CutClip;
using BasicTrust.Functions.Invocation;
using BasicTrust.Functions.MarkFailed;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.PlanSession;
using BasicTrust.Functions.Sweep;
using BasicTrust.Media.Sources;
using BasicTrust.Storage;
using Microsoft.Extensions.Options;

// The Functions host starts this process with the port to listen on and calls it on loopback only.
var builder = WebApplication.CreateBuilder(args);
var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") ?? "5080";
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

builder.Services.AddOptions<PipelineOptions>().BindConfiguration("BasicTrust:Pipeline").ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<MediaLimits>().BindConfiguration("BasicTrust:Media")
    .Validate(o => o.Ffmpeg.IsValid, "BasicTrust__Media__Ffmpeg__BinaryFolder must hold ffmpeg and ffprobe (or be unset to use PATH).").ValidateOnStart();
builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MediaLimits>>().Value);
builder.Services.AddSingleton(TimeProvider.System);
// Locally a connection string (Azurite); in Azure the app's managed identity, never a key.
builder.Services.AddStorageConnection(builder.Configuration);
builder.Services.AddSingleton<BlobLinks>().AddSingleton<PipelineQueues>().AddSingleton<AuditLog>();
builder.Services.AddSingleton<PipelineStore>().AddSingleton<StatusBoard>()
    .AddSingleton<SessionPlanning>().AddSingleton<ClipCutting>().AddSingleton<ReelAssembly>().AddSingleton<Failures>().AddSingleton<Sweeper>();
builder.Services.AddSingleton<PlanSessionFunction>().AddSingleton<CutClipFunction>().AddSingleton<AssembleReelFunction>()
    .AddSingleton<MarkFailedFunction>().AddSingleton<SweepFunction>();

var app = builder.Build();

if (app.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.CreateContainers)
    await app.Services.GetRequiredService<PipelineStore>().CreateContainersAsync(CancellationToken.None);

// The host polls GET / until it answers, then pings it now and then: keep it cheap.
app.MapGet("/", () => Results.Json(new { ready = true }));
app.MapFunction<PlanSessionFunction>("PlanSession");
app.MapFunction<CutClipFunction>("CutClip");
app.MapFunction<AssembleReelFunction>("AssembleReel");
app.MapFunction<MarkFailedFunction>("MarkFailed");
app.MapFunction<MarkFailedFunction>("MarkReelFailed");
app.MapFunction<SweepFunction>("Sweep");

// HTTP functions: the host forwards the original request (enableForwardingHttpRequest) to /api/..., after
// checking the function key.
app.MapUploadLink();
app.MapPutManifest();
app.MapGetStatus();
app.MapListReviews();
app.MapGetReel();
app.MapMarkReviewed();
app.MapPurgeCase();

app.Run();
