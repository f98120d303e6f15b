using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.DevHost.SampleApp.Web;

/// <summary>HTTP triggers with ASP.NET Core types, route values and function keys, as the real API.</summary>
public sealed class SessionApi
{
    [Function("GetSession")]
    public static IResult Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sessions/{caseId}/{sessionId}")] HttpRequest request,
        string caseId, string sessionId) =>
        Results.Ok(new { caseId, sessionId, q = request.Query["q"].ToString() });

    [Function("Upload")]
    public static async Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sessions/{caseId}/{sessionId}/upload")] HttpRequest request,
        string caseId, string sessionId)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return new ObjectResult(new { caseId, sessionId, length = body.Length }) { StatusCode = StatusCodes.Status201Created };
    }

    /// <summary>Echoes the request target exactly as the worker received it.</summary>
    [Function("Raw")]
    public static IResult Raw([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "raw/{*rest}")] HttpRequest request) =>
        Results.Text(request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "");
}
