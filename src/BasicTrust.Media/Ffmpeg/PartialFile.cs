namespace BasicTrust.Media.Ffmpeg;

/// <summary>Writes an output under a hidden temporary name and renames it when complete: a failed or cancelled run never leaves a half-written file under the real name.</summary>
public static class PartialFile
{
    /// <summary>Calls <paramref name="write"/> with the temporary path, then moves it to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, Func<string, Task> write)
    {
        var partial = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.partial");
        try
        {
            await write(partial).ConfigureAwait(false);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
