using BasicTrust.DevHost.Http;
using Microsoft.AspNetCore.Http;

namespace BasicTrust.DevHost.Tests.Unit;

public class FunctionKeysTests
{
    static HttpRequest Request(string? header = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        if (header is not null) context.Request.Headers[FunctionKeys.Header] = header;
        if (query is not null) context.Request.QueryString = QueryString.Create("code", query);
        return context.Request;
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Matches_EmptyKey_NeverMatches_EvenARequestWithoutKey(string key)
    {
        Assert.False(FunctionKeys.Matches(Request(), key));
        Assert.False(FunctionKeys.Matches(Request(header: ""), key));
        Assert.False(FunctionKeys.Matches(Request(query: ""), key));
    }

    [Fact]
    public void Matches_TheKeyInHeaderOrQuery_AndNothingElse()
    {
        Assert.True(FunctionKeys.Matches(Request(header: "k1"), "k1"));
        Assert.True(FunctionKeys.Matches(Request(query: "k1"), "k1"));
        Assert.False(FunctionKeys.Matches(Request(header: "k"), "k1"));
        Assert.False(FunctionKeys.Matches(Request(), "k1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Choose_EmptyOrBlankKey_IsRefused(string key) =>
        Assert.Contains("empty", Assert.Throws<InvalidOperationException>(() => FunctionKeys.Choose(key)).Message);

    [Fact]
    public void Choose_NoKey_GeneratesOne() => Assert.False(string.IsNullOrWhiteSpace(FunctionKeys.Choose(null)));
}
