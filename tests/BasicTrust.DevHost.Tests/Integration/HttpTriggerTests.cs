using System.Net;
using System.Text.Json;

namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>HTTP triggers through the front door: keys, route values, methods, and the raw path reaching the worker.</summary>
[Collection("storage")]
public class HttpTriggerTests
{
    [Fact]
    public async Task Get_WithKey_RouteValuesAndQueryReachTheFunction()
    {
        await using var host = await TestHost.StartAsync();
        using var api = host.Api();

        using var response = await api.GetAsync("sessions/c1/s2?q=hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("c1", "s2", "hello"), (body.GetProperty("caseId").GetString(), body.GetProperty("sessionId").GetString(), body.GetProperty("q").GetString()));
    }

    [Fact]
    public async Task Get_EncodedRouteValues_ReachTheFunctionDecodedOnce()
    {
        await using var host = await TestHost.StartAsync();
        using var api = host.Api();

        using var response = await api.GetAsync("sessions/%2541/a%2Fb");

        Assert.True(response.StatusCode == HttpStatusCode.OK, host.Log.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("%41", "a%2Fb"), (body.GetProperty("caseId").GetString(), body.GetProperty("sessionId").GetString()));
    }

    [Fact]
    public async Task AuthLevelFunction_WithoutOrWithAWrongKey_Is401_AndCodeQueryWorks()
    {
        await using var host = await TestHost.StartAsync();
        using var anonymous = host.Api(withKey: false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("sessions/c1/s2")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "sessions/c1/s2") { Headers = { { "x-functions-key", "nope" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);
        using var withCode = await anonymous.GetAsync($"sessions/c1/s2?code={TestHost.Key}");
        Assert.True(withCode.StatusCode == HttpStatusCode.OK, host.Log.ToString());
    }

    [Fact]
    public async Task Post_BodyIsForwarded_AndUnknownRoutesOrMethodsAre404()
    {
        await using var host = await TestHost.StartAsync();
        using var api = host.Api();

        using var created = await api.PostAsync("sessions/c1/s2/upload", new StringContent("12345"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(5, JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("length").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("sessions/c1/s2/upload")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("nothing/here")).StatusCode);
    }

    [Theory]
    [InlineData("/api/raw/a%5Cb")]
    [InlineData("/api/raw/a%2Fb/c")]
    [InlineData("/api/raw/x/../y?z=%2F")]
    public async Task RawPath_ReachesTheWorkerAsSent(string target)
    {
        await using var host = await TestHost.StartAsync();
        using var api = host.Api(withKey: false);
        var uri = new Uri(host.Host.ApiBaseAddress!.GetLeftPart(UriPartial.Authority) + target,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        using var response = await api.GetAsync(uri);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(target, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NoAnswerWithinTheLimit_Is500AsFromAzuresFrontEnd_AndTheFunctionStillCompletes()
    {
        await using var host = await TestHost.StartAsync(configure: o => o with { HttpAnswerLimit = TimeSpan.FromSeconds(2) });
        using var api = host.Api(withKey: false);

        using var response = await api.GetAsync("conformance/not-used"); // works for 3 s

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("500 - The request timed out.", await response.Content.ReadAsStringAsync());
        Assert.Contains(host.Log.Lines, l => l.Contains("ConfCancelNotUsed: no answer within", StringComparison.Ordinal));
        var executed = await host.Log.WaitForAsync(l => l.Contains("Executed ConfCancelNotUsed (", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.True(executed is not null, host.Log.ToString());
        // Once running, the function (which ignores cancellation) finishes; on a slow machine the cut may come before the
        // worker even had the request, and then the worker fails the invocation as cancelled, as it would in Azure.
        if (host.Log.Lines.Any(l => l.Contains("Conformance: work started", StringComparison.Ordinal)))
            Assert.True(executed.EndsWith(": Succeeded", StringComparison.Ordinal), host.Log.ToString());
    }

    [Fact]
    public async Task EnvironmentOption_NamesTheWorkersEnvironment()
    {
        await using var host = await TestHost.StartAsync(configure: o => o with { Environment = "Development" });
        using var api = host.Api(withKey: false);

        Assert.Equal("Development", await api.GetStringAsync("conformance/environment"));
    }
}
