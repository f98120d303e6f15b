using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Http;

/// <summary>
/// The gRPC half of a proxied HTTP invocation: an empty RpcHttp as the trigger value (the worker reads the request
/// itself from the proxied call), and as metadata the route values, then Query and Headers as JSON objects.
/// </summary>
public static class HttpTriggerData
{
    public static InvocationRequest Request(FunctionDefinition function, HttpRequest http, IReadOnlyDictionary<string, string> routeValues)
    {
        var request = Invocations.New(function.Id);
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (name, value) in routeValues) request.TriggerMetadata[name] = TypedDataValues.Text(value);
        request.TriggerMetadata["Query"] = TypedDataValues.Json(http.Query.ToDictionary(q => q.Key, q => q.Value.ToString()));
        request.TriggerMetadata["Headers"] = TypedDataValues.Json(http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()));
        return request;
    }
}
