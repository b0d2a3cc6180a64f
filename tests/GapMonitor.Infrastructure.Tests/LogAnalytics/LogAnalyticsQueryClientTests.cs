using System.Text.Json;
using GapMonitor.Infrastructure.LogAnalytics;
using GapMonitor.Testing.LogAnalytics;

namespace GapMonitor.Infrastructure.Tests.LogAnalytics;

public sealed class LogAnalyticsQueryClientTests : IAsyncLifetime
{
    private const string Token = "test-token-7f3a9c";
    private const string WorkspaceId = "b6c3f2a1-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static readonly DateTimeOffset From = new(2025, 3, 4, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(1);
    private readonly FixedTokenCredential _credential = new(Token);
    private FakeLogAnalyticsService _service = null!;

    public async Task InitializeAsync() => _service = await FakeLogAnalyticsService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task QueryAsync_SendsTheDocumentedRequest()
    {
        var client = Client();

        await client.QueryAsync(WorkspaceId, "Heartbeat | take 1", From, To.AddHours(1).ToOffset(TimeSpan.FromHours(2)));

        var request = Assert.Single(_service.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1/workspaces/{WorkspaceId}/query", request.Path);
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
        Assert.Equal("wait=180,include-statistics=false", request.Headers["Prefer"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(["query", "timespan"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Heartbeat | take 1", body.RootElement.GetProperty("query").GetString());
        Assert.Equal("2025-03-04T05:00:00.0000000Z/2025-03-04T07:00:00.0000000Z", body.RootElement.GetProperty("timespan").GetString());
        Assert.Equal([["https://api.loganalytics.io/.default"]], _credential.RequestedScopes);
    }

    [Fact]
    public async Task QueryAsync_WhenServerTimeoutIsSet_SendsItAsPreferWait()
    {
        var client = Client(options => options.ServerTimeout = TimeSpan.FromMinutes(10));

        await client.QueryAsync(WorkspaceId, "Heartbeat", From, To);

        Assert.Equal("wait=600,include-statistics=false", Assert.Single(_service.Requests).Headers["Prefer"]);
    }

    [Fact]
    public async Task QueryAsync_WhenEndpointHasAPathAndNoTrailingSlash_AppendsTheQueryPath()
    {
        var client = new LogAnalyticsQueryClient(new Uri(_service.Endpoint, "/proxy"), _credential, _service.ClientOptions());

        await client.QueryAsync(WorkspaceId, "Heartbeat", From, To);

        Assert.Equal($"/proxy/v1/workspaces/{WorkspaceId}/query", Assert.Single(_service.Requests).Path);
    }

    [Fact]
    public async Task QueryAsync_ParsesTablesColumnsAndEveryCellType()
    {
        _service.Responder = _ => new QueryReply(200, WireSamples.AllTypes);

        var result = await Client().QueryAsync(WorkspaceId, "AppRequests", From, To);

        Assert.Null(result.PartialError);
        Assert.Equal((From, To), (result.From, result.To));
        var table = Assert.Single(result.Tables);
        Assert.Same(table, result.PrimaryTable);
        Assert.Equal("PrimaryResult", table.Name);
        Assert.Equal(new LogColumn("Properties", "dynamic"), table.Columns[6]);
        Assert.Equal(3, result.Rows.Count);

        var row = result.Rows[0];
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567), row.GetDateTimeOffset("TimeGenerated"));
        Assert.Equal(TimeSpan.Zero, row.GetDateTimeOffset("TimeGenerated")!.Value.Offset);
        Assert.Equal("scorer-01", row.GetString("Computer"));
        Assert.Equal(9007199254740993L, row.GetInt64("RequestCount"));
        Assert.Equal(3, row.GetInt32("Replicas"));
        Assert.Equal(12.5, row.GetDouble("Latency"));
        Assert.True(row.GetBoolean("Healthy"));
        var properties = row.GetDynamic("Properties")!.Value;
        Assert.Equal("churn", properties.GetProperty("model").GetString());
        Assert.Equal(7, properties.GetProperty("version").GetInt32());
        Assert.Equal(["a", "b"], properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(Guid.Parse("5c4d7b3e-2f1a-4c8e-9b6d-0a1e2f3c4d5e"), row.GetGuid("CorrelationId"));
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), row.GetTimeSpan("Duration"));
        Assert.Equal(19.99m, row.GetDecimal("Cost"));

        var second = result.Rows[1];
        Assert.Equal(string.Empty, second.GetString("Computer"));
        Assert.Equal(-1L, second.GetInt64("RequestCount"));
        Assert.True(double.IsNaN(second.GetDouble("Latency")!.Value));
        Assert.False(second.GetBoolean("Healthy"));
        Assert.Equal("plain text", second.GetDynamic("Properties")!.Value.GetString());
        Assert.Equal(TimeSpan.FromSeconds(-30), second.GetTimeSpan("Duration"));

        var nulls = result.Rows[2];
        Assert.All(table.Columns, column => Assert.True(nulls.IsNull(column.Name)));
        Assert.Null(nulls.GetDateTimeOffset("TimeGenerated"));
        Assert.Null(nulls.GetString("Computer"));
        Assert.Null(nulls.GetInt64("RequestCount"));
        Assert.Null(nulls.GetDynamic("Properties"));
        Assert.Null(nulls.GetGuid("CorrelationId"));
    }

    [Fact]
    public async Task QueryAsync_WhenAnswerIsPartialError_KeepsRowsAndExposesTheError()
    {
        _service.Responder = _ => new QueryReply(200, WireSamples.PartialFailure);

        var result = await Client().QueryAsync(WorkspaceId, "Heartbeat", From, To);

        Assert.Equal(["ok", "fail"], result.Rows.Select(r => r.GetString("Status")));
        var error = Assert.IsType<LogQueryError>(result.PartialError);
        Assert.Equal("PartialError", error.Code);
        Assert.Equal("There were some errors when processing your query.", error.Message);
        var detail = Assert.Single(error.Details);
        Assert.Equal("EngineError", detail.Code);
        Assert.Equal("One of the clusters did not answer in time.", detail.InnerError!.Message);
        Assert.False(error.IsResultTruncated);
    }

    [Fact]
    public async Task QueryAsync_When429WithRetryAfter_WaitsThatLongAndRetriesOnce()
    {
        _service.Responder = request => request.Number == 1
            ? new QueryReply(429, """{"error":{"code":"ThrottledError","message":"Too many requests"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : new QueryReply(200, WireSamples.PartialFailure);

        var result = await Client().QueryAsync(WorkspaceId, "Heartbeat", From, To);

        Assert.Equal(2, result.Rows.Count);
        var requests = _service.Requests;
        Assert.Equal(2, requests.Count);
        // The client's own backoff is 10-50 ms here: a gap of a second is the Retry-After header at work.
        Assert.True(requests[1].ArrivedAfterStart - requests[0].ArrivedAfterStart >= TimeSpan.FromMilliseconds(950),
            $"the retry came {(requests[1].ArrivedAfterStart - requests[0].ArrivedAfterStart).TotalMilliseconds} ms after the 429");
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal($"Bearer {Token}", requests[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task QueryAsync_When503KeepsComing_GivesUpAfterThreeRetriesWithTheStatus()
    {
        _service.Responder = _ => new QueryReply(503, """{"error":{"code":"ServiceUnavailable","message":"Try again later"}}""", new Dictionary<string, string> { ["Retry-After"] = "0" });

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => Client().QueryAsync(WorkspaceId, "Heartbeat", From, To));

        Assert.Equal(4, _service.Requests.Count);
        Assert.Equal(503, error.Status);
        Assert.Equal("ServiceUnavailable", error.ErrorCode);
    }

    [Fact]
    public async Task QueryAsync_When400_ThrowsWithCodeMessageAndInnermostCodeButNotTheToken()
    {
        _service.Responder = _ => new QueryReply(400, WireSamples.BadQuery);

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => Client().QueryAsync(WorkspaceId, "Heartbeat\n| whre x", From, To));

        Assert.Single(_service.Requests);
        Assert.Equal(400, error.Status);
        Assert.Equal("BadArgumentError", error.ErrorCode);
        Assert.Equal("The request had some invalid properties", error.ErrorMessage);
        Assert.Equal("SYN0002", error.InnermostErrorCode);
        Assert.Contains("BadArgumentError", error.Message, StringComparison.Ordinal);
        Assert.Contains("Query could not be parsed at 'whre'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_WhenFailureBodyIsNotJson_ThrowsWithTheStatus()
    {
        _service.Responder = _ => new QueryReply(403, "<html>denied</html>");

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => Client().QueryAsync(WorkspaceId, "Heartbeat", From, To));

        Assert.Equal(403, error.Status);
        Assert.Null(error.ErrorCode);
        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_WhenSuccessBodyHasNoTables_ThrowsNamingTheFormat()
    {
        _service.Responder = _ => new QueryReply(200, """{"value":[]}""");

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => Client().QueryAsync(WorkspaceId, "Heartbeat", From, To));

        Assert.Contains("'tables'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("workspace")]
    [InlineData("../../subscriptions")]
    [InlineData("b6c3f2a1-4d5e-4f60-8a7b-9c0d1e2f3a4b/../other")]
    [InlineData("{b6c3f2a1-4d5e-4f60-8a7b-9c0d1e2f3a4b}")]
    [InlineData("b6c3f2a14d5e4f608a7b9c0d1e2f3a4b")]
    [InlineData("b6c3f2a1-4d5e-4f60-8a7b-9c0d1e2f3a4b?x=1")]
    public async Task QueryAsync_WhenWorkspaceIdIsNotAGuid_RefusesWithoutSending(string workspaceId)
    {
        var client = Client();

        await Assert.ThrowsAsync<ArgumentException>("workspaceId", () => client.QueryAsync(workspaceId, "Heartbeat", From, To));
        Assert.Throws<ArgumentException>("workspaceId", () => client.QueryAllAsync(workspaceId, "Heartbeat", From, To));
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task QueryAsync_WhenRangeIsEmpty_Refuses()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("to", () => Client().QueryAsync(WorkspaceId, "Heartbeat", To, To));
    }

    [Fact]
    public void Constructor_WhenEndpointIsNotHttps_Refuses()
    {
        Assert.Throws<ArgumentException>("endpoint", () => new LogAnalyticsQueryClient(new Uri("http://127.0.0.1:1"), _credential));
    }

    [Fact]
    public void Options_ByDefault_RetryThreeTimesExponentiallyAgainstThePublicCloud()
    {
        var options = new LogAnalyticsClientOptions();

        Assert.Equal(3, options.Retry.MaxRetries);
        Assert.Equal(Azure.Core.RetryMode.Exponential, options.Retry.Mode);
        Assert.Equal(new Uri("https://api.loganalytics.io"), options.Endpoint);
        Assert.Equal(500_000, options.RowCap);
        Assert.Equal(TimeSpan.FromMinutes(3), options.ServerTimeout);
    }

    private LogAnalyticsQueryClient Client(Action<LogAnalyticsClientOptions>? configure = null) =>
        new(_service.Endpoint, _credential, _service.ClientOptions(configure));
}
