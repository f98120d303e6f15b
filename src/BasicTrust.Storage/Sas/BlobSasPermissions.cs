using System.Text;

namespace BasicTrust.Storage.Sas;

/// <summary>What a blob SAS allows. Keep links least-privilege: read for reviewers, create/write for uploads.</summary>
[Flags]
public enum BlobSasPermissions
{
    /// <summary>Read content, properties, metadata.</summary>
    Read = 1,
    /// <summary>Append (append blobs).</summary>
    Add = 2,
    /// <summary>Create a new blob; cannot overwrite one.</summary>
    Create = 4,
    /// <summary>Write content, blocks and block lists.</summary>
    Write = 8,
    /// <summary>Delete.</summary>
    Delete = 16,
    /// <summary>List (container SAS).</summary>
    List = 32,
}

static class BlobSasPermissionsExtensions
{
    /// <summary>The letters in the canonical order the service requires (r a c w d l).</summary>
    public static string ToPermissionString(this BlobSasPermissions permissions)
    {
        var sb = new StringBuilder();
        if (permissions.HasFlag(BlobSasPermissions.Read)) sb.Append('r');
        if (permissions.HasFlag(BlobSasPermissions.Add)) sb.Append('a');
        if (permissions.HasFlag(BlobSasPermissions.Create)) sb.Append('c');
        if (permissions.HasFlag(BlobSasPermissions.Write)) sb.Append('w');
        if (permissions.HasFlag(BlobSasPermissions.Delete)) sb.Append('d');
        if (permissions.HasFlag(BlobSasPermissions.List)) sb.Append('l');
        return sb.ToString();
    }
}
