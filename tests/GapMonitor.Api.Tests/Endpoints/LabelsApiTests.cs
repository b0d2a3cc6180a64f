using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>POST /api/systems/{id}/labels over the real loopback host: who may post, what is refused and why, and a batch posted twice.</summary>
public sealed class LabelsApiTests : IAsyncLifetime
{
    private const string SystemId = "labels-churn";
    private ApiTestHost _host = null!;
    private string _vendor = null!;
    private string _ingest = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var body = JsonNode.Parse(JsonSerializer.Serialize(
            SystemBodies.Registration(SystemId, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30)),
            new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = JsonNode.Parse("""{"driftWindow":"PT1H"}""");
        body["performance"] = JsonNode.Parse("""{"task":"binary-classification","prediction":"churn_pred","probability":"churn_proba","target":"churned"}""");
        _ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, body.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Labels_JoinPushedPredictions_AndTheSameBatchAgainAnswersItsFirstCountsAsDuplicate()
    {
        var rows = Enumerable.Range(0, 4).Select(i => new { age = 30 + i, churn_pred = i % 2, churn_proba = i % 2 == 0 ? 0.2 : 0.8, correlationid = $"req-{i}" });
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/telemetry?batchId=rows-1", _ingest, rows, 202);
        await _host.SweepAsync();
        var labels = new object[] { new { correlationId = "req-0", target = 1 }, new { correlationId = "req-1", target = true }, new { correlationId = "nobody", target = "0" } };

        var first = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=labels-1", _ingest, labels, 200);
        var again = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=labels-1", _vendor, new[] { new { correlationId = "req-2", target = 1 } }, 200);

        Assert.Equal(("labels-1", 3, 2, 1, 0, false), Counts(first));
        Assert.Equal(("labels-1", 3, 2, 1, 0, true), Counts(again));
    }

    [Fact]
    public async Task Labels_AsNdjson_AreReadOneObjectALine()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=nd-1", _ingest,
            configure: r => r.Content = new StringContent("{\"correlationId\":\"a\",\"target\":1}\n\n{\"correlationId\":\"b\",\"target\":\"0.0\"}\n", Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("nd-1", 2, 0, 2, 0, false), Counts(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement));
    }

    [Fact]
    public async Task Labels_WithBadElements_Answer400NamingEachField_AndChangeNothing()
    {
        var bad = new object[]
        {
            new { correlationId = "ok", target = 1 },
            new { target = 1 },
            new { correlationId = "x", target = 2 },
            new { correlationId = "", target = "yes" },
            42,
        };

        var problem = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=bad-1", _ingest, bad, 400);

        var errors = problem.GetProperty("errors");
        Assert.Equal(["[1].correlationId", "[2].target", "[3].correlationId", "[3].target", "[4]"], errors.EnumerateObject().Select(e => e.Name));
        var retried = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=bad-1", _ingest, new[] { new { correlationId = "ok", target = 1 } }, 200);
        Assert.False(retried.GetProperty("duplicate").GetBoolean());
    }

    [Theory]
    [InlineData("", "[{\"correlationId\":\"a\",\"target\":1}]", "batchId")]
    [InlineData("?batchId=b", "{\"correlationId\":\"a\",\"target\":1}", "body")]
    [InlineData("?batchId=b", "[]", "body")]
    [InlineData("?batchId=b", "[{\"correlationId\":\"a\",", "body")]
    public async Task Labels_WithoutABatchIdOrAnArray_Answer400NamingIt(string query, string json, string field)
    {
        using var response = await _host.SendAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels{query}", _ingest,
            configure: r => r.Content = new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Labels_ATooLongBatchId_Answers400()
    {
        var problem = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId={new string('b', 201)}", _ingest, new[] { new { correlationId = "a", target = 1 } }, 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("batchId", out _));
    }

    [Fact]
    public async Task Labels_ForAnotherTenantsSystem_Answer404_AndForASystemWithoutPerformance_409NamingIt()
    {
        var otherVendor = await _host.CreateKeyAsync("vendor", vendor: "fabrikam-ai");
        var otherCustomer = await _host.CreateKeyAsync("customer", customer: "globex");
        var plainIngest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, SystemBodies.Registration("plain-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), 201))
            .GetProperty("ingestKey").GetString()!;
        var labels = new[] { new { correlationId = "a", target = 1 } };

        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=b-1", otherVendor, labels, 404);
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=b-1", otherCustomer, labels, 404);
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=b-1", plainIngest, labels, 404);
        var conflict = await _host.JsonAsync(HttpMethod.Post, "/api/systems/plain-sys/labels?batchId=b-1", plainIngest, labels, 409);

        Assert.True(conflict.GetProperty("errors").TryGetProperty("performance", out _));
        var own = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=b-1", await _host.CreateKeyAsync("customer", customer: "acme"), labels, 200);
        Assert.False(own.GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task OpenApi_DescribesTheRoute_ItsRequiredBatchId_BodyAndAnswer()
    {
        var document = await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", null);

        var post = document.GetProperty("paths").GetProperty("/api/systems/{id}/labels").GetProperty("post");
        var batchId = Assert.Single(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "batchId");
        Assert.Equal(("query", true), (batchId.GetProperty("in").GetString(), batchId.GetProperty("required").GetBoolean()));
        var content = post.GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _));
        Assert.True(content.TryGetProperty("application/x-ndjson", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("409", out _));
        var answer = document.GetProperty("components").GetProperty("schemas").GetProperty("LabelsAccepted").GetProperty("properties");
        Assert.Equal(
            ["batchId", "duplicate", "matched", "received", "unmatched", "windowsUpdated"],
            answer.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    private static (string, int, int, int, int, bool) Counts(JsonElement answer) => (
        answer.GetProperty("batchId").GetString()!,
        answer.GetProperty("received").GetInt32(),
        answer.GetProperty("matched").GetInt32(),
        answer.GetProperty("unmatched").GetInt32(),
        answer.GetProperty("windowsUpdated").GetInt32(),
        answer.GetProperty("duplicate").GetBoolean());
}
