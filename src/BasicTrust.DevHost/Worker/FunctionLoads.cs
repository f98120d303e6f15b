using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// The FunctionLoadRequest the real host builds from the metadata it parsed: name, directory, script file, entry
/// point and a binding map (name to type, direction, data type). One per function: the .NET worker does not
/// answer the collection form.
/// </summary>
public static class FunctionLoads
{
    public static FunctionLoadRequest Request(FunctionDefinition function, string appRoot)
    {
        var metadata = new RpcFunctionMetadata
        {
            Name = function.Name,
            Directory = appRoot,
            ScriptFile = function.ScriptFile,
            EntryPoint = function.EntryPoint,
            IsProxy = false,
        };
        foreach (var binding in function.Bindings)
            metadata.Bindings[binding.Name] = new BindingInfo
            {
                Type = binding.Type,
                Direction = binding.Direction.ToLowerInvariant() switch
                {
                    "in" => BindingInfo.Types.Direction.In,
                    "out" => BindingInfo.Types.Direction.Out,
                    _ => BindingInfo.Types.Direction.Inout,
                },
                DataType = binding["dataType"]?.ToLowerInvariant() switch
                {
                    "string" => BindingInfo.Types.DataType.String,
                    "binary" => BindingInfo.Types.DataType.Binary,
                    "stream" => BindingInfo.Types.DataType.Stream,
                    _ => BindingInfo.Types.DataType.Undefined,
                },
            };
        return new FunctionLoadRequest { FunctionId = function.Id, Metadata = metadata };
    }
}
