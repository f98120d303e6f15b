using System.Text;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>
/// Every bad input a user or the network controls, with the refusal it must get: one line per case. The tests in
/// <see cref="BadInputTests"/> run each through the real API, DevHost, worker, Azurite and FFmpeg.
/// </summary>
public static class BadInputCatalogue
{
    /// <summary>A recording (its bytes made from the fixture's good one) and the manifest problem it must give.</summary>
    public sealed record Recording(string Name, Func<byte[], byte[]> Make, string Rule, string MessagePart);

    /// <summary>A request and the status it must get; <c>Field</c> is the error path named, when the answer is a problem.</summary>
    public sealed record Request(string Name, string Method, string Path, string? ContentType, byte[]? Body, int Status, string? Field = null);

    static readonly string Tag = """{"id":"t1","start":2,"end":4,"label":"benoemen"}""";

    static byte[] U(string text) => Encoding.UTF8.GetBytes(text);

    static string Manifest(string tag) =>
        $$"""{"schema":"basictrust.session/v1","caseId":"bad-input","sessionId":"s-1","method":"basic-trust","recording":"recording.mp4","onRecording":["moeder","kind"],"tags":[{{tag}}]}""";

    public static readonly Recording[] Recordings =
    [
        new("empty upload", _ => [], "not-empty", "is empty"),
        new("text, not video", _ => Encoding.UTF8.GetBytes("hello, this is not a video\n"), "readable-video", "not a video"),
        new("HLS playlist named .mp4", _ => Encoding.UTF8.GetBytes("#EXTM3U\n#EXTINF:2.0,\nhttp://example.com/x.ts\n"), "readable-video", "playlist"),
        new("cut short (index first, data missing)", good => good[..(good.Length / 3)], "readable-video", "cut short"),
    ];

    public static readonly Request[] Requests =
    [
        // Ids, raw in the path: a wrong path is 400 or 404, never another case's data.
        new("backslash walk into another case", "GET", "reels/zz%5C..%5Cbase-1/s1", null, null, 400, "caseId"),
        new("backslash walk, purge", "DELETE", "cases/zz%5C..%5Cbase-1", null, null, 400, "caseId"),
        new("backslash walk, a case's sessions", "GET", "cases/zz%5C..%5Cbase-1/sessions", null, null, 400, "caseId"),
        new("backslash walk, a case's course", "GET", "cases/zz%5C..%5Cbase-1/course", null, null, 400, "caseId"),
        new("upper case, a terugkijkgesprek", "PUT", "sessions/base-1/S1/conversation", "application/json", U("""{"practicePoint":"x"}"""), 400, "sessionId"),
        new("newline after an id", "GET", "sessions/base-1/s1%0a", null, null, 400, "sessionId"),
        new("space in an id", "GET", "sessions/base-1/s%20", null, null, 400, "sessionId"),
        new("encoded slash in an id", "GET", "reels/base-1%2Fx/s1", null, null, 400, "caseId"),
        new("upper case", "GET", "sessions/BASE-1/s1", null, null, 400, "caseId"),
        // Upload requests.
        new("upload request without a content type", "POST", "sessions/bad-input/s-1/upload", null, U("""{"fileName":"r.mp4","size":12}"""), 415, "Content-Type"),
        new("upload request as text/plain", "POST", "sessions/bad-input/s-1/upload", "text/plain", U("""{"fileName":"r.mp4","size":12}"""), 415, "Content-Type"),
        new("size as a string", "POST", "sessions/bad-input/s-1/upload", "application/json", U("""{"fileName":"r.mp4","size":"12"}"""), 400),
        new("a key twice", "POST", "sessions/bad-input/s-1/upload", "application/json", U("""{"fileName":"r.mp4","size":12,"size":13}"""), 400),
        new("not JSON", "POST", "sessions/bad-input/s-1/upload", "application/json", U("{fileName"), 400),
        new("not UTF-8", "POST", "sessions/bad-input/s-1/upload", "application/json", [0x7B, 0xFF, 0x7D], 400),
        new("file name with a path", "POST", "sessions/bad-input/s-1/upload", "application/json", U("""{"fileName":"../r.mp4","size":12}"""), 400, "fileName"),
        // Manifests.
        new("manifest, a lone surrogate in a caption", "PUT", "sessions/bad-input/s-1/manifest", "application/json",
            U(Manifest("""{"id":"t1","start":2,"end":4,"label":"benoemen","caption":"a\ud800b"}""")), 400, "tags[0].caption"),
        new("manifest, Arabic-Indic digits in a time", "PUT", "sessions/bad-input/s-1/manifest", "application/json",
            U(Manifest("""{"id":"t1","start":"١٢","end":14,"label":"benoemen"}""")), 400, "tags[0].start"),
        new("manifest, a key twice", "PUT", "sessions/bad-input/s-1/manifest", "application/json",
            U(Manifest(Tag).Replace("\"method\"", "\"caseId\":\"other\",\"method\"", StringComparison.Ordinal)), 400, "$"),
        new("manifest, a label typo", "PUT", "sessions/bad-input/s-1/manifest", "application/json",
            U(Manifest(Tag.Replace("benoemen", "benomen", StringComparison.Ordinal))), 400, "tags[0].label"),
        new("manifest, too large", "PUT", "sessions/bad-input/s-1/manifest", "application/json", U(new string(' ', 2 * 1024 * 1024) + Manifest(Tag)), 413, "$"),
        // Query strings.
        new("until, the last day there is", "GET", "reviews?until=9999-12-31", null, null, 200),
        new("until, not a date", "GET", "reviews?until=soon", null, null, 400, "until"),
        new("a method there is not", "GET", "methods/basic-trust%0a", null, null, 404),
        new("a label to match, too long", "GET", "methods/basic-trust?match=" + new string('b', 101), null, null, 400, "match"),
        new("a label to match, control characters", "GET", "methods/basic-trust?match=%00%1b%5B31m", null, null, 200),
    ];

    public static TheoryData<string> RecordingNames => [.. Recordings.Select(r => r.Name)];
    public static TheoryData<string> RequestNames => [.. Requests.Select(r => r.Name)];
}
