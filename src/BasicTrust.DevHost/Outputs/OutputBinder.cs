using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Outputs;

/// <summary>
/// Writes a successful invocation's outputs as the host binds them: each output binding the function declares
/// takes the value of the same name (<c>$return</c> is the return value); queue outputs resolve binding expressions
/// from the trigger metadata, split arrays into messages and encode per host.json. Called only after success.
/// </summary>
public sealed class OutputBinder(StorageAccounts accounts, TimeProvider clock, ILogger logger)
{
    public const string ReturnName = "$return";

    public async Task WriteAsync(FunctionDefinition function, InvocationRequest request, InvocationResponse response, CancellationToken cancellationToken)
    {
        var values = response.OutputData.Where(o => o.Data is not null).ToDictionary(o => o.Name, o => o.Data);
        if (response.ReturnValue is { DataCase: not TypedData.DataOneofCase.None } returned) values[ReturnName] = returned;
        foreach (var binding in function.Outputs)
        {
            if (!values.TryGetValue(binding.Name, out var value) || value.DataCase == TypedData.DataOneofCase.None) continue;
            switch (binding.Type.ToLowerInvariant())
            {
                case "queue":
                    var queue = BindingExpressions.Resolve(binding["queueName"] ?? "", request.TriggerMetadata, clock);
                    foreach (var message in QueueMessages.Split(value))
                        await accounts.SendAsync(binding.Connection, queue, message, cancellationToken).ConfigureAwait(false);
                    break;
                case "http":
                    break; // the worker already wrote the HTTP response through the proxied request
                default:
                    logger.LogWarning("{Function}: output binding type {Type} is not supported by the DevHost; its value is dropped", function.Name, binding.Type);
                    break;
            }
        }
    }
}
