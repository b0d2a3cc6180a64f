using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// The <c>performance</c> part of the system body over the real loopback host on Azurite: registered, rendered with its
/// defaults, merged and removed by a merge patch, kept by a PUT without it, and refused field by field.
/// </summary>
public sealed class PerformanceSettingsJourneyTests : IAsyncLifetime
{
    private const string Id = "churn-perf";
    private ApiTestHost _host = null!;
    private string _vendor = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Register_WithPerformance_StoresItAndRendersItWithTheDefaults()
    {
        var created = await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor,
            Body(new JsonObject { ["task"] = "binary-classification", ["prediction"] = "churn_pred", ["probability"] = "churn_proba", ["target"] = "churned" }), 201);
        var read = await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{Id}", _vendor);

        foreach (var system in new[] { created, read })
        {
            var performance = system.GetProperty("performance");
            Assert.Equal("binary-classification", performance.GetProperty("task").GetString());
            Assert.Equal("churn_pred", performance.GetProperty("prediction").GetString());
            Assert.Equal("churn_proba", performance.GetProperty("probability").GetString());
            Assert.False(performance.TryGetProperty("probabilityPrefix", out _));
            Assert.Equal("churned", performance.GetProperty("target").GetString());
            Assert.Equal("correlationid", performance.GetProperty("correlationId").GetString());
            Assert.Equal(["roc_auc"], performance.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
            Assert.Equal(500, performance.GetProperty("chunkRows").GetInt32());
            Assert.Empty(performance.GetProperty("thresholds").EnumerateObject());
            Assert.Equal("P30D", performance.GetProperty("labelWait").GetString());
        }

        var stored = (await StoredAsync()).Performance!;
        Assert.Equal(PerformanceTask.BinaryClassification, stored.Task);
        Assert.Equal(("churn_pred", "churn_proba", "churned"), (stored.Prediction, stored.Probability, stored.Target));
    }

    [Fact]
    public async Task Register_WithoutPerformance_RendersNone()
    {
        var created = await _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor, Body(null), 201);

        Assert.False(created.TryGetProperty("performance", out _));
        Assert.Null((await StoredAsync()).Performance);
    }

    [Fact]
    public async Task Patch_MergesIntoThePerformancePart_AndNullRemovesIt()
    {
        await RegisterAsync();

        using var merged = await PatchAsync("""{"performance":{"chunkRows":1000,"metrics":["roc_auc","f1"],"thresholds":{"roc_auc":{"lower":0.8}},"labelWait":"P7D"}}""");

        var text = await merged.Content.ReadAsStringAsync();
        Assert.True(merged.StatusCode == HttpStatusCode.OK, text);
        var performance = JsonDocument.Parse(text).RootElement.GetProperty("performance");
        Assert.Equal("churn_pred", performance.GetProperty("prediction").GetString());
        Assert.Equal(1000, performance.GetProperty("chunkRows").GetInt32());
        Assert.Equal(0.8, performance.GetProperty("thresholds").GetProperty("roc_auc").GetProperty("lower").GetDouble());
        Assert.False(performance.GetProperty("thresholds").GetProperty("roc_auc").TryGetProperty("upper", out _));
        var stored = (await StoredAsync()).Performance!;
        Assert.Equal(["roc_auc", "f1"], stored.Metrics);
        Assert.Equal([new PerformanceThreshold("roc_auc", 0.8, null)], stored.Thresholds);
        Assert.Equal(TimeSpan.FromDays(7), stored.LabelWait);

        using var unrelated = await PatchAsync("""{"name":"Churn model"}""");
        Assert.Equal(HttpStatusCode.OK, unrelated.StatusCode);
        Assert.Equal(stored, (await StoredAsync()).Performance);

        using var removed = await PatchAsync("""{"performance":null}""");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False(JsonDocument.Parse(await removed.Content.ReadAsStringAsync()).RootElement.TryGetProperty("performance", out _));
        Assert.Null((await StoredAsync()).Performance);
    }

    [Fact]
    public async Task Patch_ThatMakesThePerformancePartInvalid_Is400NamingTheField()
    {
        await RegisterAsync();

        using var response = await PatchAsync("""{"performance":{"task":"multiclass-classification"}}""");

        await AssertProblemNamesAsync(response, "performance.probability");
        Assert.Equal(PerformanceTask.BinaryClassification, (await StoredAsync()).Performance!.Task);
    }

    [Fact]
    public async Task Put_WithoutPerformance_KeepsTheStoredOne()
    {
        await RegisterAsync();

        using var response = await _host.SendAsync(HttpMethod.Put, $"/api/systems/{Id}", _vendor, Body(null), r => r.Headers.TryAddWithoutValidation("If-Match", "*"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal("churn_pred", (await StoredAsync()).Performance!.Prediction);
    }

    [Theory]
    [InlineData("""{"task":"ranking","prediction":"p"}""", "performance.task")]
    [InlineData("""{"task":"regression"}""", "performance.prediction")]
    [InlineData("""{"task":"binary-classification","prediction":"p","probabilityPrefix":"proba_"}""", "performance.probabilityPrefix")]
    [InlineData("""{"task":"multiclass-classification","prediction":"p","probability":"proba"}""", "performance.probability")]
    [InlineData("""{"task":"regression","prediction":"p","probability":"proba"}""", "performance.probability")]
    [InlineData("""{"task":"binary-classification","prediction":"p","metrics":["roc_auc","mae"]}""", "performance.metrics[1]")]
    [InlineData("""{"task":"binary-classification","prediction":"p","metrics":["f1","f1"]}""", "performance.metrics[1]")]
    [InlineData("""{"task":"binary-classification","prediction":"p","chunkRows":9}""", "performance.chunkRows")]
    [InlineData("""{"task":"binary-classification","prediction":"p","thresholds":{"mae":{"upper":1}}}""", "performance.thresholds.mae")]
    [InlineData("""{"task":"binary-classification","prediction":"p","thresholds":{"roc_auc":{}}}""", "performance.thresholds.roc_auc")]
    [InlineData("""{"task":"binary-classification","prediction":"p","thresholds":{"roc_auc":{"lower":0.9,"upper":0.8}}}""", "performance.thresholds.roc_auc.lower")]
    [InlineData("""{"task":"binary-classification","prediction":"p","thresholds":{"roc_auc":{"lower":1.5}}}""", "performance.thresholds.roc_auc.lower")]
    [InlineData("""{"task":"regression","prediction":"p","labelWait":"P400D"}""", "performance.labelWait")]
    public async Task Register_WithABadPerformancePart_Is400NamingTheField(string performance, string field)
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems", _vendor, Body(JsonNode.Parse(performance)).ToJsonString());

        await AssertProblemNamesAsync(response, field);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.SendAsync(HttpMethod.Get, $"/api/systems/{Id}", _vendor)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesThePerformancePart()
    {
        var document = await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", key: null);

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("SystemRequest").GetProperty("properties").TryGetProperty("performance", out _));
        Assert.True(schemas.GetProperty("SystemResponse").GetProperty("properties").TryGetProperty("performance", out _));
        var request = schemas.GetProperty("PerformanceRequest").GetProperty("properties");
        foreach (var field in new[] { "task", "prediction", "probability", "probabilityPrefix", "target", "correlationId", "metrics", "chunkRows", "thresholds", "labelWait" })
        {
            Assert.True(request.TryGetProperty(field, out _), field);
        }

        Assert.True(schemas.GetProperty("PerformanceResponse").GetProperty("properties").TryGetProperty("labelWait", out _));
        Assert.True(schemas.GetProperty("PerformanceThresholdRequest").GetProperty("properties").TryGetProperty("lower", out _));
    }

    private Task RegisterAsync() => _host.JsonAsync(HttpMethod.Post, "/api/systems", _vendor,
        Body(new JsonObject { ["task"] = "binary-classification", ["prediction"] = "churn_pred", ["probability"] = "churn_proba", ["target"] = "churned" }), 201);

    private JsonObject Body(JsonNode? performance)
    {
        var body = JsonSerializer.SerializeToNode(SystemBodies.Registration(Id, "contoso-ml", "acme", _host.Time.GetUtcNow()))!.AsObject();
        if (performance is not null)
        {
            body["performance"] = performance;
        }

        return body;
    }

    private async Task<MonitoredSystem> StoredAsync() => (await _host.Services.GetRequiredService<ISystemStore>().GetAsync(Id))!.System;

    private Task<HttpResponseMessage> PatchAsync(string patch) =>
        _host.SendAsync(HttpMethod.Patch, $"/api/systems/{Id}", _vendor, configure: r =>
        {
            r.Content = new StringContent(patch, Encoding.UTF8);
            r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/merge-patch+json");
            r.Headers.TryAddWithoutValidation("If-Match", "*");
        });

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
