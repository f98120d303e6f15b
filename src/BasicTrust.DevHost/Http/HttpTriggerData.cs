using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Http;

/// <summary>
/// The gRPC half of a proxied HTTP invocation: an empty RpcHttp as the trigger value (the worker reads the request
/// itself from the proxied call), and as metadata the route values, then Query and Headers as JSON objects, without
/// the function key.
/// </summary>
public static class HttpTriggerData
{
    public static InvocationRequest Request(FunctionDefinition function, HttpRequest http, IReadOnlyDictionary<string, string> routeValues)
    {
        var request = Invocations.New(function.Id);
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (name, value) in routeValues) request.TriggerMetadata[name] = TypedDataValues.Text(value);
        // The function key has been checked; it does not travel on to the worker's binding data (nor to its logs).
        request.TriggerMetadata["Query"] = TypedDataValues.Json(http.Query
            .Where(q => !q.Key.Equals(FunctionKeys.Query, StringComparison.OrdinalIgnoreCase)).ToDictionary(q => q.Key, q => q.Value.ToString()));
        request.TriggerMetadata["Headers"] = TypedDataValues.Json(http.Headers
            .Where(h => !h.Key.Equals(FunctionKeys.Header, StringComparison.OrdinalIgnoreCase)).ToDictionary(h => h.Key, h => h.Value.ToString()));
        return request;
    }
}
