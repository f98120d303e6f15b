using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BasicTrust.DevHost.SampleApp.Conformance;

/// <summary>An HTTP answer and a queue message at once.</summary>
public sealed class HandledResult
{
    [HttpResult]
    public required IActionResult Result { get; init; }

    [QueueOutput("conf-cancelled-out", Connection = "PipelineStorage")]
    public string? Note { get; init; }
}

/// <summary>
/// HTTP functions whose caller goes away mid-way, as in the worker repository's cancellation cases: one that does not
/// take the token, one that lets the cancellation throw, one that handles it; and the worker's environment name.
/// </summary>
public sealed class HttpConformance(ILogger<HttpConformance> logger, IHostEnvironment environment)
{
    [Function("ConfCancelNotUsed")]
    public async Task<IActionResult> NotUsed([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conformance/not-used")] HttpRequest request)
    {
        await WorkAsync(CancellationToken.None);
        return new OkObjectResult("done");
    }

    [Function("ConfCancelIgnored")]
    public async Task<IActionResult> Ignored([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conformance/ignored")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        await WorkAsync(cancellationToken);
        return new OkObjectResult("done");
    }

    [Function("ConfCancelHandled")]
    public async Task<HandledResult> Handled([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conformance/handled")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        try
        {
            await WorkAsync(cancellationToken);
            return new HandledResult { Result = new OkObjectResult("done") };
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Conformance: request was cancelled");
            return new HandledResult { Result = new StatusCodeResult(499), Note = "cancelled " + request.Query["tag"] };
        }
    }

    [Function("ConfEnvironment")]
    public IResult Environment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conformance/environment")] HttpRequest request) =>
        Results.Text(environment.EnvironmentName);

    /// <summary>Says it started (the tests wait for that line), then works in steps for a few seconds.</summary>
    async Task WorkAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Conformance: work started");
        for (var step = 0; step < 6; step++) await Task.Delay(500, cancellationToken);
        logger.LogInformation("Conformance: work completed");
    }
}
