using System.Xml.Linq;
using Azure;
using Azure.Core;
using BasicTrust.Storage.Pipeline;
using BasicTrust.Storage.Sas;

namespace BasicTrust.Storage.Blobs;

/// <summary>The blob service of one account: the entry point for container clients and delegation keys.</summary>
public sealed class BlobServiceClient
{
    readonly StorageContext _context;

    /// <summary>From a connection string (shared key, or a SAS in the string).</summary>
    public BlobServiceClient(string connectionString, StorageClientOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        _context = StorageContext.FromConnectionString(parsed, options);
        Uri = parsed.SharedAccessSignature is { } sas ? new UriBuilder(parsed.BlobEndpoint) { Query = sas }.Uri : parsed.BlobEndpoint;
        AccountName = parsed.AccountName;
    }

    /// <summary>With an Entra ID credential (managed identity in Azure): HTTPS only.</summary>
    public BlobServiceClient(Uri serviceUri, TokenCredential credential, StorageClientOptions? options = null)
        : this(serviceUri, StorageContext.ForToken(credential, options)) { }

    /// <summary>With the account key.</summary>
    public BlobServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(serviceUri, StorageContext.ForSharedKey(credential, options)) { }

    BlobServiceClient(Uri serviceUri, StorageContext context)
    {
        _context = context;
        Uri = serviceUri;
        AccountName = context.SharedKey?.AccountName ?? BlobUriParts.Parse(new Uri(serviceUri.ToString().TrimEnd('/') + "/x")).AccountName;
    }

    /// <summary>The service endpoint.</summary>
    public Uri Uri { get; }
    /// <summary>The storage account.</summary>
    public string AccountName { get; }
    /// <summary>True when SAS can be signed with the account key.</summary>
    public bool CanGenerateAccountSas => _context.SharedKey is not null;

    /// <summary>A client for one container.</summary>
    public BlobContainerClient GetBlobContainerClient(string blobContainerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        return new BlobContainerClient(StorageUri.Append(Uri, blobContainerName), _context);
    }

    /// <summary>
    /// Get User Delegation Key: the key a token-authorized app signs SAS with (at most 7 days).
    /// Needs a token credential; Shared Key is refused by the service.
    /// </summary>
    public async Task<Response<UserDelegationKey>> GetUserDelegationKeyAsync(DateTimeOffset? startsOn, DateTimeOffset expiresOn, CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Post, StorageUri.WithQuery(StorageUri.WithoutQuery(Uri), ("restype", "service"), ("comp", "userdelegationkey")));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        var start = startsOn ?? _context.Clock.GetUtcNow().AddMinutes(-5);
        var body = new XElement("KeyInfo", new XElement("Start", SasTime.Format(start)), new XElement("Expiry", SasTime.Format(expiresOn)));
        message.Request.Content = RequestContent.Create(BinaryData.FromString("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body.ToString(SaveOptions.DisableFormatting)));
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(UserDelegationKey.FromXml(XDocument.Parse(response.Content.ToString()).Root!), response);
    }
}
