using System.Text.Json;
using System.Text.Json.Serialization;

namespace BasicTrust.DevHost.Triggers.Blob;

/// <summary>
/// A blob to run a function on, as the Storage extension queues it in <c>azure-webjobs-blobtrigger-{hostId}</c> (and,
/// given up, in <c>webjobs-blobtrigger-poison</c>): the function's id (<c>Host.Functions.{name}</c>), the blob and the
/// ETag the event named. PascalCase, as the extension writes it.
/// </summary>
public sealed record BlobTriggerMessage(string FunctionId, string BlobType, string ContainerName, string BlobName, string ETag)
{
    public const string FunctionIdPrefix = "Host.Functions.";
    static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Always <c>BlobTrigger</c>: the extension's type tag.</summary>
    public string Type => "BlobTrigger";

    public string ToJson() => JsonSerializer.Serialize(new { Type, FunctionId, BlobType, ContainerName, BlobName, ETag }, Json);

    /// <summary>The message, or null when the text is not one (the extension then fails the attempt).</summary>
    public static BlobTriggerMessage? Parse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<BlobTriggerMessage>(text);
            return message is { FunctionId.Length: > 0, ContainerName.Length: > 0, BlobName.Length: > 0 } ? message : null;
        }
        catch (JsonException) { return null; }
    }
}
