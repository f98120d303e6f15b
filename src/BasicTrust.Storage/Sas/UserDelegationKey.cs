using System.Xml.Linq;

namespace BasicTrust.Storage.Sas;

/// <summary>A user delegation key. SignedStart, SignedExpiry and SignedVersion are kept verbatim: the SAS must repeat them exactly.</summary>
public sealed record UserDelegationKey(string SignedObjectId, string SignedTenantId, string SignedStart, string SignedExpiry, string SignedService, string SignedVersion, string Value)
{
    internal static UserDelegationKey FromXml(XElement root)
    {
        string Get(string name) => root.Element(name)?.Value ?? "";
        return new(Get("SignedOid"), Get("SignedTid"), Get("SignedStart"), Get("SignedExpiry"), Get("SignedService"), Get("SignedVersion"), Get("Value"));
    }

    /// <summary>Never prints the key value.</summary>
    public override string ToString() => $"UserDelegationKey(oid={SignedObjectId}, expires {SignedExpiry})";
}
