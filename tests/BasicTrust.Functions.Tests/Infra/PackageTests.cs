using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.Versioning;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Testing;

namespace BasicTrust.Functions.Tests.Infra;

/// <summary>
/// The deployment package a Flex Consumption app runs (built by <c>./test.sh</c> before the tests, or
/// <c>scripts/package.sh</c>): the app, and an FFmpeg that runs from the package's own copy in a clean folder, with none
/// of the machine's libraries and no execute bits from the package.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PackageTests : IDisposable
{
    static readonly string Package = Path.Combine(Repository.Root, ".build", "package", "basictrust-functions.zip");
    readonly string folder = Directory.CreateTempSubdirectory("bt-package-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ThePackagesFfmpeg_RunsFromItsCopyInACleanFolder_WithItsOwnLibraries()
    {
        var app = Unpack();
        var installed = BundledFfmpeg.Install(app, Path.Combine(folder, "tmp"))!;
        Assert.StartsWith(Path.Combine(folder, "tmp"), installed);

        // No PATH and no other variable: the start script and the loader find everything in the copy.
        var version = await RunAsync(Path.Combine(installed, "ffmpeg"), "-version");
        Assert.StartsWith(File.ReadAllText(Path.Combine(app, BundledFfmpeg.Folder, BundledFfmpeg.VersionFile)).Trim(), version);
        Assert.StartsWith("ffprobe version", await RunAsync(Path.Combine(installed, "ffprobe"), "-version"));

        // Every library either program links comes from the copy (the kernel's vDSO is no file).
        var lib = Path.Combine(installed, "lib");
        foreach (var program in new[] { "ffmpeg", "ffprobe" })
        {
            var listed = await RunAsync(Path.Combine(lib, "ld-linux-x86-64.so.2"), "--library-path", lib, "--list", Path.Combine(installed, "bin", program));
            var paths = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("linux-vdso")).ToList();
            Assert.True(paths.Count > 50, $"{program} links {paths.Count} libraries");
            Assert.All(paths, line => Assert.Contains($"=> {lib}/", line));
        }

        // The app's own probe runs it, as the worker does with this folder as its binary folder.
        var sample = Path.Combine(folder, "sample.mp4");
        await Ffmpeg.RecordingAsync(sample, seconds: 1, hevc: true);
        var analysis = await Ffprobe.AnalyseAsync(sample, "", new ProcessRunOptions { BinaryFolder = installed, Timeout = TimeSpan.FromMinutes(1) });
        Assert.Equal("hevc", analysis.PrimaryVideoStream!.CodecName);
    }

    [Fact]
    public void TheCopy_IsMadeOncePerVersion()
    {
        var app = Unpack();
        var work = Path.Combine(folder, "tmp");
        var first = BundledFfmpeg.Install(app, work)!;
        var made = Directory.GetLastWriteTimeUtc(first);
        Assert.Equal(first, BundledFfmpeg.Install(app, work));
        Assert.Equal(made, Directory.GetLastWriteTimeUtc(first));
        Assert.Single(Directory.EnumerateDirectories(work)); // no staging folder left behind

        File.AppendAllText(Path.Combine(app, BundledFfmpeg.Folder, BundledFfmpeg.VersionFile), "another build\n");
        var again = BundledFfmpeg.Install(app, work)!;
        Assert.Equal(File.ReadAllText(Path.Combine(app, BundledFfmpeg.Folder, BundledFfmpeg.VersionFile)), File.ReadAllText(Path.Combine(again, BundledFfmpeg.VersionFile)));
        Assert.Single(Directory.EnumerateDirectories(work));
    }

    [Fact]
    public void AnAppWithoutABundle_UsesFfmpegOnPath() => Assert.Null(BundledFfmpeg.Install(folder, Path.Combine(folder, "tmp")));

    [Fact]
    public void ThePackage_HoldsTheFunctionApp()
    {
        var app = Unpack();
        foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "BasicTrust.Functions.dll" })
            Assert.True(File.Exists(Path.Combine(app, file)), $"the package has no {file}");
    }

    /// <summary>The package unpacked into this test's folder, its files without execute bits (as a package mount may give them).</summary>
    string Unpack()
    {
        Assert.True(File.Exists(Package), $"{Package} is missing: ./test.sh builds it (or scripts/package.sh)");
        var app = Path.Combine(folder, "app");
        ZipFile.ExtractToDirectory(Package, app);
        foreach (var file in Directory.EnumerateFiles(app, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return app;
    }

    static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Clear();
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} failed: {error}");
        return await output;
    }
}
