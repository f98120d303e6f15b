using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.App;

/// <summary>
/// Writes a successful invocation's outputs as the host binds them: a queue output given an array writes one
/// message per element; a string that is valid base64 is decoded to bytes first (without <c>dataType: binary</c>),
/// so handlers must send objects; objects are written as JSON. Blob outputs resolve <c>{token}</c>s in their path.
/// </summary>
public sealed class OutputBinder(StorageAccounts accounts, ILogger logger)
{
    public async Task WriteAsync(FunctionDefinition function, JsonObject outputs, IReadOnlyDictionary<string, string> tokens, CancellationToken cancellationToken)
    {
        var unknown = outputs.Select(o => o.Key).Except(function.Outputs.Select(b => b.Name), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) logger.LogWarning("{Function} returned outputs no binding declares: {Names}", function.Name, string.Join(", ", unknown));
        foreach (var binding in function.Outputs)
        {
            if (!outputs.TryGetPropertyValue(binding.Name, out var value) || value is null) continue;
            var items = value is JsonArray array ? array.ToList() : [value];
            foreach (var item in items.Where(i => i is not null))
            {
                var bytes = Bytes(item!);
                switch (binding.Type)
                {
                    case "queue":
                        await accounts.SendAsync(binding.Connection, binding["queueName"]!, Encoding.UTF8.GetString(bytes), cancellationToken).ConfigureAwait(false);
                        break;
                    case "blob":
                        var path = PathTemplate.Fill(binding["path"]!, tokens);
                        var slash = path.IndexOf('/');
                        var container = accounts.Blobs(binding.Connection).GetBlobContainerClient(path[..slash]);
                        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                        await container.GetBlobClient(path[(slash + 1)..]).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        throw new NotSupportedException($"{function.Name}: output binding type '{binding.Type}' is not supported by the DevHost.");
                }
            }
        }
    }

    /// <summary>What the host hands the binding: base64-looking strings become their bytes, other strings their UTF-8, objects their JSON.</summary>
    static byte[] Bytes(JsonNode item)
    {
        if (item is JsonValue v && v.TryGetValue<string>(out var text))
        {
            var buffer = new byte[text.Length];
            return Convert.TryFromBase64String(text, buffer, out var length) ? buffer[..length] : Encoding.UTF8.GetBytes(text);
        }
        return Encoding.UTF8.GetBytes(item.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }
}
