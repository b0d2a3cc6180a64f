using System.Globalization;
using System.Text.Json;
using Azure.Core;
using Azure.Storage.Blobs;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Performance;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Infrastructure.Tests.Sweeping;
using GapMonitor.Infrastructure.Webhooks;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>
/// The real puller against Azurite reads a data collector's <c>model_inputs</c> and, for a system with performance
/// settings, the sibling <c>model_outputs</c>: each with its own checkpoint, output rows profiled without counting
/// rows twice, predictions identified by the record's <c>correlationid</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ModelOutputsPullTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const string Deployment = "modelDataCollector/churn/blue";
    private const string SystemId = "outputs-pull";

    [Fact]
    public async Task Pull_ReadsModelOutputsNextToInputs_WithItsOwnCheckpoint_AndCountsNothingTwice()
    {
        var container = await AzuriteFixture.NewContainerAsync();
        Time.Advance(TimeSpan.FromMinutes(30));
        var hour = Hour(Time.GetUtcNow());
        await WriteAsync(container, "model_inputs", hour, "part-0.jsonl", Inputs(hour, 0, 4));
        await WriteAsync(container, "model_outputs", hour, "part-0.jsonl", Outputs(hour, 0, 4));
        await WriteAsync(container, "model_outputs", hour, "part-1.jsonl", MultiRowOutput(hour, "batch-9"));
        await using var graph = await BuildAsync();
        await RegisterAsync(container);
        var puller = graph.GetRequiredService<TelemetryPuller>();

        await puller.PullAsync();
        await puller.PullAsync();

        var state = await StateAsync(graph);
        var window = Assert.Single(state.Windows).Value;
        Assert.Equal(4, window.Profile.Rows);
        Assert.Equal(6, window.Profile.Column("churn_pred").Count);
        Assert.Equal(4, window.Profile.Column("age").Count);
        Assert.Equal(6, window.Predictions!.Rows);
        Assert.Equal(["req-0", "req-1", "req-2", "req-3", "batch-9_0", "batch-9_1"], window.Predictions.Kept.Select(r => r.CorrelationId));
        Assert.Equal(0.75, window.Predictions.Kept[3].Probabilities![0]);
        Assert.NotNull(state.OutputLogCheckpoint);
        Assert.NotEqual(state.InferenceLogCheckpoint, state.OutputLogCheckpoint);
        Assert.Equal(4, state.RecordsRead);

        await WriteAsync(container, "model_outputs", hour, "part-0.jsonl", Outputs(hour, 0, 4) + Outputs(hour, 4, 2));
        await puller.PullAsync();

        window = Assert.Single((await StateAsync(graph)).Windows).Value;
        Assert.Equal((4L, 8L, 8L), (window.Profile.Rows, window.Profile.Column("churn_pred").Count, window.Predictions!.Rows));
        await container.DeleteAsync();
    }

    [Fact]
    public async Task Pull_ForASystemWithoutPerformanceSettings_LeavesModelOutputsUnread()
    {
        var container = await AzuriteFixture.NewContainerAsync();
        Time.Advance(TimeSpan.FromMinutes(30));
        var hour = Hour(Time.GetUtcNow());
        await WriteAsync(container, "model_inputs", hour, "part-0.jsonl", Inputs(hour, 0, 2));
        await WriteAsync(container, "model_outputs", hour, "part-0.jsonl", Outputs(hour, 0, 2));
        await using var graph = await BuildAsync();
        await RegisterAsync(container, performance: false);

        await graph.GetRequiredService<TelemetryPuller>().PullAsync();

        var state = await StateAsync(graph);
        var window = Assert.Single(state.Windows).Value;
        Assert.Null(window.Predictions);
        Assert.DoesNotContain(window.Profile.Columns, c => c.Name == "churn_pred");
        Assert.Null(state.OutputLogCheckpoint);
        await container.DeleteAsync();
    }

    [Theory]
    [InlineData("modelDataCollector/churn/blue/model_inputs", "modelDataCollector/churn/blue/model_outputs")]
    [InlineData("/model_inputs/", "model_outputs")]
    [InlineData("modelDataCollector/churn/blue", null)]
    [InlineData("x/my_model_inputs", null)]
    public void OutputsPrefix_IsTheSiblingOfModelInputs(string inputs, string? outputs) =>
        Assert.Equal(outputs, TelemetryPuller.OutputsPrefix(inputs));

    private static DateTimeOffset Hour(DateTimeOffset at) => TelemetryState.AlignedStart(at, TimeSpan.FromHours(1));

    private static Task WriteAsync(BlobContainerClient container, string folder, DateTimeOffset hour, string file, string content) =>
        container.GetBlobClient($"{Deployment}/{folder}/{hour.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture)}/{file}")
            .UploadAsync(BinaryData.FromString(content), overwrite: true);

    private static string Inputs(DateTimeOffset hour, int from, int count) => Lines(hour, from, count, "model_inputs", i => [new { age = 30 + i }]);

    private static string Outputs(DateTimeOffset hour, int from, int count) =>
        Lines(hour, from, count, "model_outputs", i => [new { churn_pred = i % 2, churn_proba = i % 2 == 0 ? 0.25 : 0.75 }]);

    private static string MultiRowOutput(DateTimeOffset hour, string correlationId) => Record(hour.AddMinutes(5), "model_outputs", correlationId,
        [new { churn_pred = 1, churn_proba = 0.9 }, new { churn_pred = 0, churn_proba = 0.1 }]);

    private static string Lines(DateTimeOffset hour, int from, int count, string type, Func<int, object[]> data) =>
        string.Concat(Enumerable.Range(from, count).Select(i => Record(hour.AddMinutes(i), type, $"req-{i}", data(i))));

    private static string Record(DateTimeOffset time, string type, string correlationId, object[] data) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["specversion"] = "1.0",
        ["id"] = $"{type}-{correlationId}",
        ["type"] = "azureml.inference." + type,
        ["time"] = time.ToString("O", CultureInfo.InvariantCulture),
        ["data"] = data,
        ["correlationid"] = correlationId,
        ["modelversion"] = "3",
    }) + "\n";

    private async Task<ServiceProvider> BuildAsync()
    {
        var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services =>
        {
            services.Configure<WebhookOptions>(o => o.AllowPrivateNetworks = true);
            services.AddSingleton<TokenCredential>(new FailingTokenCredential(() => new InvalidOperationException("no identity in tests")));
            services.AddGapMonitorTelemetry();
        });
        await graph.GetRequiredService<TelemetryBlobs>().EnsureCreatedAsync();
        return graph;
    }

    private async Task RegisterAsync(BlobContainerClient container, bool performance = true)
    {
        var system = new SystemBuilder().WithId(SystemId)
            .RegisteredAt(Time.GetUtcNow() - TimeSpan.FromDays(1)).HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30))
            .Build() with
        {
            Telemetry = new TelemetrySettings
            {
                InferenceLog = new InferenceLogSettings(RealClockSas.ReadAndList(container), Deployment + "/model_inputs"),
                DriftWindow = TimeSpan.FromHours(1),
            },
            Performance = performance
                ? new PerformanceSettings { Task = PerformanceTask.BinaryClassification, Prediction = "churn_pred", Probability = "churn_proba", Target = "churned" }
                : null,
        };
        await CreateAsync(system);
    }

    private static async Task<TelemetryState> StateAsync(IServiceProvider graph) =>
        (await graph.GetRequiredService<ITelemetryStateStore>().GetAsync(SystemId)).State!;
}
