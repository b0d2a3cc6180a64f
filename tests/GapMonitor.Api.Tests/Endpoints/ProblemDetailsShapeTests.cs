using System.Net;
using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>Errors are RFC 9457 problem details with the request's trace id as an extension member, replayed byte for byte.</summary>
public sealed class ProblemDetailsShapeTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private string _vendor = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task ValidationProblem_HasStandardMembersErrorsAndTraceIdOutsideDetail()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, "{\"id\":\"Bad Id!\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        Assert.Equal("https://gapmonitor.dev/problems/validation", root.GetProperty("type").GetString());
        Assert.Equal("The request is invalid.", root.GetProperty("title").GetString());
        Assert.Equal(400, root.GetProperty("status").GetInt32());
        Assert.True(root.GetProperty("errors").TryGetProperty("id", out _));
        var traceId = root.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        Assert.DoesNotContain(traceId!, root.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineProblem_Unauthorized_CarriesTraceId()
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "/api/systems", "gm_not-a-real-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("about:blank", problem.RootElement.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task UnknownRoute_NotFoundProblem_CarriesTraceId()
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "/api/no-such-route", _vendor);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task IdempotentReplayOfAProblem_ReturnsTheFirstBodyByteForByte_IncludingItsTraceId()
    {
        const string bad = "{\"id\":\"Bad Id!\"}";
        using var first = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, bad, r => r.Headers.Add("Idempotency-Key", "problem-1"));
        using var second = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, bad, r => r.Headers.Add("Idempotency-Key", "problem-1"));
        using var fresh = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, bad);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        var firstBody = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(firstBody, await second.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(TraceId(firstBody), TraceId(await fresh.Content.ReadAsByteArrayAsync()));
    }

    private static string? TraceId(byte[] body)
    {
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.GetProperty("traceId").GetString();
    }
}
