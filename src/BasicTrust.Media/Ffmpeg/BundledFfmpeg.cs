namespace BasicTrust.Media.Ffmpeg;

/// <summary>
/// The FFmpeg a deployment package carries, for plans that run no custom container (Flex Consumption):
/// <c>ffmpeg/</c> beside the app, made by <c>scripts/package.sh</c>, holds Debian's <c>ffmpeg</c> and <c>ffprobe</c>
/// with every library they link and the loader that links them (so the host's own libraries do not matter), and two
/// start scripts of those names. A package's files may arrive without their execute bits, on a read-only mount, so the
/// folder is copied once per instance into a writable one and made executable there.
/// </summary>
public static class BundledFfmpeg
{
    /// <summary>The bundle's folder in the app, and the file naming the FFmpeg it holds.</summary>
    public const string Folder = "ffmpeg", VersionFile = "version.txt";

    /// <summary>
    /// Copies the bundle in <paramref name="appFolder"/> (if it has one) into <paramref name="workFolder"/> and returns the
    /// folder to run <c>ffmpeg</c> and <c>ffprobe</c> from; null without a bundle. A copy of the same version made before,
    /// by this process or another, is used as it is; a half-made one is never seen (it is renamed into place when whole).
    /// </summary>
    public static string? Install(string appFolder, string workFolder)
    {
        var bundle = Path.Combine(appFolder, Folder);
        var versionFile = Path.Combine(bundle, VersionFile);
        if (!File.Exists(versionFile)) return null;
        var version = File.ReadAllText(versionFile);
        var target = Path.Combine(workFolder, "basictrust-ffmpeg");
        if (IsInstalled(target, version)) return target;

        var staging = $"{target}.{Guid.NewGuid():N}";
        CopyExecutable(bundle, staging);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true); // an older version
        try { Directory.Move(staging, target); }
        catch (IOException) when (IsInstalled(target, version)) { Directory.Delete(staging, recursive: true); } // another process was first
        return target;
    }

    static bool IsInstalled(string folder, string version)
    {
        var file = Path.Combine(folder, VersionFile);
        return File.Exists(file) && File.ReadAllText(file) == version;
    }

    static void CopyExecutable(string from, string to)
    {
        const UnixFileMode executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        foreach (var source in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, source));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(source, copy);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(copy, executable); // the app runs on Linux
        }
    }
}
