using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Http;

namespace BasicTrust.DevHost.Tests.Unit;

public class HttpRouteTests
{
    static HttpRoute Route(string route, string methods = """["get"]""", string auth = "Function") => HttpRoute.From(
        FunctionDefinition.Create("1", "F", "a.dll", "A.F", [$$"""{"name":"req","type":"httpTrigger","direction":"In","authLevel":"{{auth}}","methods":{{methods}},"route":"{{route}}"}"""]), "api");

    // Match takes the raw request target's path, still percent-encoded, as the client sent it.
    [Fact]
    public void Match_GivesRouteValues_CaseInsensitively() =>
        Assert.Equal(new Dictionary<string, string> { ["caseId"] = "c 1", ["sessionId"] = "s2" },
            Route("sessions/{caseId}/{sessionId}").Match("get", "/API/Sessions/c%201/s2"));

    [Theory]
    [InlineData("/api/sessions/%2541/s2", "%41")]
    [InlineData("/api/sessions/a%2Fb/s2", "a%2Fb")]
    [InlineData("/api/sessions/a%2fb/s2", "a%2fb")]
    [InlineData("/api/sessions/%C3%A9/s2", "\u00e9")]
    public void Match_DecodesEachValueOnce_AndAnEncodedSlashStaysInItsSegment(string rawPath, string caseId) =>
        Assert.Equal(System.Text.RegularExpressions.Regex.Unescape(caseId), Route("sessions/{caseId}/{sessionId}").Match("GET", rawPath)!["caseId"]);

    [Theory]
    [InlineData("/api/x/../sessions/c1/s2")]
    [InlineData("/api/./sessions/c1/s2")]
    [InlineData("/api/x/%2E%2E/sessions/c1/s2")]
    public void Match_RemovesDotSegments_AsKestrelDoes(string rawPath) =>
        Assert.Equal("c1", Route("sessions/{caseId}/{sessionId}").Match("GET", rawPath)!["caseId"]);

    [Fact]
    public void Match_DotSegmentAsAValue_IsNotAValue() =>
        Assert.Null(Route("sessions/{caseId}/{sessionId}").Match("GET", "/api/sessions/../s2"));

    [Theory]
    [InlineData("POST", "/api/sessions/c1/s2")]
    [InlineData("GET", "/api/sessions/c1")]
    [InlineData("GET", "/sessions/c1/s2")]
    [InlineData("GET", "/api/sessions/c1/s2/upload")]
    public void Match_OtherMethodOrPath_IsNull(string method, string path) =>
        Assert.Null(Route("sessions/{caseId}/{sessionId}").Match(method, path));

    [Fact]
    public void CatchAll_TakesTheRest() =>
        Assert.Equal("a/b/c", Route("raw/{*rest}").Match("GET", "/api/raw/a/b/c")!["rest"]);

    [Fact]
    public void Constraint_IsAcceptedAsAToken() =>
        Assert.Equal("7", Route("reels/{id:int}").Match("GET", "/api/reels/7")!["id"]);

    [Theory]
    [InlineData("Function", true)]
    [InlineData("Admin", true)]
    [InlineData("Anonymous", false)]
    public void NeedsKey_FollowsAuthLevel(string level, bool needsKey) => Assert.Equal(needsKey, Route("x", auth: level).NeedsKey);

    [Fact]
    public void NoMethods_AllowsAny() => Assert.NotNull(Route("x", methods: "[]").Match("DELETE", "/api/x"));
}
