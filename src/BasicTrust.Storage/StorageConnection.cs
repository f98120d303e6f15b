using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BasicTrust.Storage;

/// <summary>
/// Registers the app's <see cref="BlobServiceClient"/>, <see cref="QueueServiceClient"/> and <see cref="TableServiceClient"/>
/// for one named connection, in the Functions convention for connections: the setting <c>{name}</c> holds a connection
/// string (Azurite, with its <c>TableEndpoint</c>), or <c>{name}__blobServiceUri</c>, <c>{name}__queueServiceUri</c> and
/// <c>{name}__tableServiceUri</c> name the endpoints reached with
/// <c>DefaultAzureCredential</c> (a managed identity in Azure; <c>{name}__clientId</c> picks a user-assigned one).
/// Queue clients read and write message text as it is on the wire: the host encodes what triggers and outputs carry
/// (base64), and a reader of raw queues must cope with any text someone put there.
/// </summary>
public static class StorageConnection
{
    /// <summary>The pipeline's storage connection: triggers, outputs and the app's own clients all use it.</summary>
    public const string PipelineStorage = "PipelineStorage";

    public static IServiceCollection AddStorageConnection(this IServiceCollection services, IConfiguration configuration, string name = PipelineStorage)
    {
        var section = configuration.GetSection(name);
        services.AddAzureClients(clients =>
        {
            if (!string.IsNullOrWhiteSpace(section.Value))
            {
                clients.AddBlobServiceClient(section.Value).ConfigureOptions(o => StorageClientDefaults.Apply(o));
                clients.AddQueueServiceClient(section.Value).ConfigureOptions(o => StorageClientDefaults.Apply(o));
                clients.AddTableServiceClient(section.Value).ConfigureOptions(o => StorageClientDefaults.Apply(o));
                return;
            }
            clients.AddBlobServiceClient(ServiceUri(section, name, "blobServiceUri")).ConfigureOptions(o => StorageClientDefaults.Apply(o));
            clients.AddQueueServiceClient(ServiceUri(section, name, "queueServiceUri")).ConfigureOptions(o => StorageClientDefaults.Apply(o));
            clients.AddTableServiceClient(ServiceUri(section, name, "tableServiceUri")).ConfigureOptions(o => StorageClientDefaults.Apply(o));
            clients.UseCredential(new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = section["clientId"] }));
        });
        return services;
    }

    static Uri ServiceUri(IConfigurationSection section, string name, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new InvalidOperationException($"Storage connection '{name}': set {name} to a connection string, or {name}__{key} to the service's https address.");
}
