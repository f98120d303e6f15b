using System.Text.Json;

namespace BasicTrust.Functions.Invocation;

/// <summary>Maps the host's calls (<c>POST /{FunctionName}</c>) to handlers; written once for every function.</summary>
public static class FunctionEndpoints
{
    /// <summary>
    /// Answers 200 with the result as JSON on success; 400 when the body is not a valid invocation and 500
    /// when the handler fails. Both count as failures for the host, which then retries.
    /// </summary>
    public static void MapFunction<THandler>(this WebApplication app, string name) where THandler : IFunctionHandler =>
        app.MapPost($"/{name}", async (HttpContext context, THandler handler, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger(name);
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                var result = await handler.HandleAsync(InvocationRequest.Parse(body.RootElement), context.RequestAborted);
                return Results.Json(result, Json.Options);
            }
            catch (Exception e) when (e is InvalidInvocationException or JsonException)
            {
                logger.LogWarning("{Function} refused an invalid invocation: {Reason}", name, e.Message);
                return Results.Json(new { error = e.Message }, Json.Options, statusCode: StatusCodes.Status400BadRequest);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Function} failed", name);
                return Results.Json(new { error = e.Message }, Json.Options, statusCode: StatusCodes.Status500InternalServerError);
            }
        });
}
