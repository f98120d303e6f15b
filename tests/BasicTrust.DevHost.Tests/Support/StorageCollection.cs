namespace BasicTrust.DevHost.Tests.Support;

/// <summary>Tests that run the sample app share its fixed queue and container names: one at a time.</summary>
[CollectionDefinition("storage", DisableParallelization = true)]
public sealed class StorageCollection;
