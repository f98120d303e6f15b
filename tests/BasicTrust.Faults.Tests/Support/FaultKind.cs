namespace BasicTrust.Faults.Tests.Support;

/// <summary>What the proxy does to one request instead of passing it through untouched.</summary>
public enum FaultKind
{
    None,
    /// <summary>The connection is dropped before the request reaches storage.</summary>
    ResetBeforeStorage,
    /// <summary>Storage carries the request out, then the connection drops before the answer: the client cannot tell.</summary>
    ResetAfterStorage,
    Status500,
    Status500RetryAfter,
    Status503,
    Status503RetryAfter,
    /// <summary>The answer comes 2 s late.</summary>
    Slow,
    /// <summary>Headers and half the body of a download, then the connection drops.</summary>
    TruncatedBody,
    /// <summary>A request matched by a stall rule waits that long before it is passed on.</summary>
    Stall,
}
