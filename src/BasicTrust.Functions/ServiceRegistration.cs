using Azure.Core.Serialization;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.AssembleReel;
using BasicTrust.Functions.Consent;
using BasicTrust.Functions.Conversation;
using BasicTrust.Functions.CutClip;
using BasicTrust.Functions.GetCourse;
using BasicTrust.Functions.IndexReadyReel;
using BasicTrust.Functions.MakePreview;
using BasicTrust.Functions.MarkFailed;
using BasicTrust.Functions.Notifications;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.PlanSession;
using BasicTrust.Functions.ReviewReel;
using BasicTrust.Functions.Sweep;
using BasicTrust.Functions.Telemetry;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Sources;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BasicTrust.Functions;

/// <summary>The app's composition root, in the few steps <c>Program.cs</c> lists.</summary>
public static class ServiceRegistration
{
    /// <summary>
    /// OpenTelemetry in the worker: the invocations (linked to the host's trace), the pipeline's own spans and metrics
    /// (<see cref="PipelineTelemetry"/>) and the logs. Exported to Application Insights with the app's managed identity
    /// when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (Azure), and over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// is (a local viewer, a test's receiver); with neither, nothing is exported.
    /// </summary>
    public static IServiceCollection AddPipelineTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(PipelineTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(PipelineTelemetry.Name));
        if (!string.IsNullOrEmpty(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
            telemetry.UseAzureMonitorExporter(o => o.Credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"] }));
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) telemetry.UseOtlpExporter();
        return services;
    }

    /// <summary>Options bound from <c>BasicTrust:*</c> app settings (the pipeline, media limits, mail) and validated at start-up.</summary>
    public static IServiceCollection AddPipelineSettings(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>().BindConfiguration("BasicTrust:Pipeline").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PrivacyOptions>().BindConfiguration("BasicTrust:Privacy").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MediaLimits>().BindConfiguration("BasicTrust:Media")
            // A deployment package's own FFmpeg (Flex Consumption) unless a folder is set; none: FFmpeg on PATH (the container).
            .PostConfigure(o => o.Ffmpeg.BinaryFolder = o.Ffmpeg.BinaryFolder is { Length: > 0 } folder ? folder
                : BundledFfmpeg.Install(AppContext.BaseDirectory, Path.GetTempPath()) ?? "")
            .Validate(o => o.Ffmpeg.IsValid, "BasicTrust__Media__Ffmpeg__BinaryFolder must hold ffmpeg and ffprobe (or be unset to use PATH).")
            .Validate(o => o.MinFrameRate > 0 && o.MinFrameRate < o.MaxFrameRate, "BasicTrust__Media__MinFrameRate must be above 0 and below BasicTrust__Media__MaxFrameRate.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MediaLimits>>().Value);
        services.AddOptions<MailOptions>().BindConfiguration("BasicTrust:Mail").ValidateDataAnnotations()
            .Validate(o => o.User.Length == 0 || o.Password.Length > 0, "BasicTrust__Mail__Password must be set when BasicTrust__Mail__User is.")
            .Validate(o => o.RetryDelay <= o.MaxRetryDelay, "BasicTrust__Mail__RetryDelay must not be above BasicTrust__Mail__MaxRetryDelay.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        // Queue messages and outputs in the app's one JSON shape (camelCase, kebab-case enums).
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(Json.Options));
        // HTTP answers (typed results and problem details) in the same shape.
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => Json.Configure(options.SerializerOptions));
        // Problem details in the language the request asks for (Accept-Language), from their catalogue keys.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiResults.Localize);
        return services;
    }

    /// <summary>Blob, queue and table clients on the <c>PipelineStorage</c> connection, which the triggers use too.</summary>
    public static IServiceCollection AddPipelineStorage(this IServiceCollection services, IConfiguration configuration) =>
        services.AddStorageConnection(configuration, StorageConnection.PipelineStorage)
            .AddSingleton<BlobLinks>().AddSingleton<PipelineQueues>().AddSingleton<PipelineStore>().AddSingleton<CaseData>().AddSingleton<AuditLog>().AddSingleton<ReadLinks>().AddSingleton<ReviewIndex>().AddSingleton<CaseAccess>()
            .AddSingleton<NotificationPreferences>();

    /// <summary>The services the functions call.</summary>
    public static IServiceCollection AddPipelineServices(this IServiceCollection services) =>
        services.AddSingleton<StatusBoard>().AddSingleton<CaseGate>().AddSingleton<Reviews>().AddSingleton<RecordingPreviews>().AddSingleton<PreviewSegmenting>().AddSingleton<SessionPlanning>().AddSingleton<ClipReuse>().AddSingleton<ClipCutting>()
            .AddSingleton<ReelAssembly>().AddSingleton<Failures>().AddSingleton<ManifestFailures>().AddSingleton<Sweeper>().AddSingleton<WorkFolders>()
            .AddSingleton<Notifier>().AddSingleton<MailSender>()
            .AddSingleton<CourseSessions>().AddSingleton<Conversations>().AddSingleton<PrivacyStore>().AddSingleton<RecordingErasure>();

    /// <summary>
    /// Before the first job: removes what a worker that died mid-job left behind, and creates the pipeline's containers
    /// the review index's, the cases' and the people's tables and the mail outbox when <see cref="PipelineOptions.CreateContainers"/> says so (local runs).
    /// </summary>
    public static async Task PrepareAsync(this IServiceProvider services)
    {
        services.GetRequiredService<WorkFolders>().CleanUpLeftovers();
        if (services.GetRequiredService<IOptions<PipelineOptions>>().Value.CreateContainers)
        {
            await services.GetRequiredService<PipelineStore>().CreateContainersAsync(CancellationToken.None).ConfigureAwait(false);
            await services.GetRequiredService<ReviewIndex>().CreateTableAsync(CancellationToken.None).ConfigureAwait(false);
            await services.GetRequiredService<CaseAccess>().CreateTableAsync(CancellationToken.None).ConfigureAwait(false);
            await services.GetRequiredService<NotificationPreferences>().CreateTableAsync(CancellationToken.None).ConfigureAwait(false);
            await services.GetRequiredService<Notifier>().CreateQueueAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
