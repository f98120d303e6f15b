using BasicTrust.DevHost.App;

namespace BasicTrust.DevHost.Triggers.Blob.EventGrid;

/// <summary>
/// The Event Grid subscription a blob function with <c>source: EventGrid</c> needs: <c>Microsoft.Storage.BlobCreated</c>
/// events whose subject begins with the path's container and literal prefix and ends with its literal tail (what follows
/// its last <c>{token}</c>), delivered to the blob webhook for that function. <c>infra/blobevents.bicep</c> declares the
/// same filters for Azure.
/// </summary>
public sealed record BlobEventSubscription(string FunctionName, string Connection, string Container, string SubjectBeginsWith, string SubjectEndsWith)
{
    public static BlobEventSubscription For(FunctionDefinition function)
    {
        var path = BlobPathPattern.Parse(function.Trigger["path"]!);
        var pattern = function.Trigger["path"]![(path.Container.Length + 1)..];
        var lastToken = pattern.LastIndexOf('}');
        return new BlobEventSubscription(function.Name, function.Trigger.Connection, path.Container,
            Subject(path.Container, path.Prefix), lastToken < 0 ? "" : pattern[(lastToken + 1)..]);
    }

    /// <summary>The subscription's name in Azure (<c>infra/blobevents.bicep</c>): <c>blob-{function}</c>, lower case.</summary>
    public static string Name(string functionName) => "blob-" + functionName.ToLowerInvariant();

    /// <summary>The subject of a blob's events: <c>/blobServices/default/containers/{container}/blobs/{name}</c>.</summary>
    public static string Subject(string container, string blobName) => $"/blobServices/default/containers/{container}/blobs/{blobName}";

    /// <summary>Event Grid's filter: case-insensitive, as subscriptions are unless <c>isSubjectCaseSensitive</c>.</summary>
    public bool Matches(string subject) =>
        subject.StartsWith(SubjectBeginsWith, StringComparison.OrdinalIgnoreCase) && subject.EndsWith(SubjectEndsWith, StringComparison.OrdinalIgnoreCase);
}
