using System.Text.Json;
using Azure.Core;
using Azure.Storage.Blobs.Models;
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
/// A push writes its batch once to the service's pushed-telemetry log in Azurite; the real puller folds it at the next
/// pull with its own checkpoint: once, whatever crashes, retries and late writes happen around it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PushedTelemetryPullTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const string SystemId = "pushed-pull";

    [Fact]
    public async Task Push_IsFoldedAtTheNextPull_Once_AndARepeatedBatchIdChangesNothing_AlsoHoursLater()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var push = graph.GetRequiredService<TelemetryPush>();
        var puller = graph.GetRequiredService<TelemetryPuller>();
        Time.Advance(TimeSpan.FromMinutes(10));

        var first = await push.PushAsync(system, Batch("b-1", 3, version: "v7"));
        Assert.Equal((false, 3), (first.Duplicate, first.Accepted));
        Assert.Null((await graph.GetRequiredService<ITelemetryStateStore>().GetAsync(SystemId)).State);

        await puller.PullAsync();
        var again = await push.PushAsync(system, Batch("b-1", 3, version: "v7"));
        await puller.PullAsync();

        Assert.Equal((true, 0), (again.Duplicate, again.Accepted));
        var state = await StateAsync(graph);
        var window = Assert.Single(state.Windows).Value;
        Assert.Equal(3, window.Profile.Rows);
        Assert.Equal(3, window.ModelVersions["v7"]);
        Assert.Equal(1, state.RecordsRead);
        Assert.NotNull(state.PushedLogCheckpoint);
        Assert.Equal("v7", (await Systems.GetAsync(SystemId))!.System.Signals.LastSeenModelVersion);

        Time.Advance(TimeSpan.FromHours(5));
        Assert.True((await push.PushAsync(system, Batch("b-1", 3, version: "v7"))).Duplicate);
        await puller.PullAsync();
        Assert.Equal(1, (await StateAsync(graph)).RecordsRead);
    }

    [Fact]
    public async Task ACrashAfterTheBlobWrite_AndItsRetry_NeitherLoseNorDoubleRows()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var log = graph.GetRequiredService<BlobPushedTelemetryLog>();
        var crashing = new TelemetryPush(new CrashAfterWrite(log), Time);

        await Assert.ThrowsAsync<IOException>(() => crashing.PushAsync(system, Batch("b-1", 4)));
        var retried = await graph.GetRequiredService<TelemetryPush>().PushAsync(system, Batch("b-1", 4));
        await graph.GetRequiredService<TelemetryPuller>().PullAsync();

        Assert.True(retried.Duplicate);
        Assert.Equal(4, Assert.Single((await StateAsync(graph)).Windows).Value.Profile.Rows);
    }

    [Fact]
    public async Task ACrashBetweenClaimAndWrite_IsCompletedByTheRetry_Once()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var recordId = BlobPushedTelemetryLog.RecordId("b-1");
        await ClaimOnlyAsync(graph, recordId, BlobPushedTelemetryLog.DataBlobName(SystemId, Time.GetUtcNow(), recordId));
        var push = graph.GetRequiredService<TelemetryPush>();

        var retried = await push.PushAsync(system, Batch("b-1", 4));
        var again = await push.PushAsync(system, Batch("b-1", 4));
        await graph.GetRequiredService<TelemetryPuller>().PullAsync();

        Assert.Equal((false, 4), (retried.Duplicate, retried.Accepted));
        Assert.True(again.Duplicate);
        Assert.Equal(4, Assert.Single((await StateAsync(graph)).Windows).Value.Profile.Rows);
    }

    [Fact]
    public async Task AClaimLeftWithoutDataHoursAgo_IsWrittenWhereThePullStillReads()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var push = graph.GetRequiredService<TelemetryPush>();
        var puller = graph.GetRequiredService<TelemetryPuller>();
        var recordId = BlobPushedTelemetryLog.RecordId("b-lost");
        await ClaimOnlyAsync(graph, recordId, BlobPushedTelemetryLog.DataBlobName(SystemId, Time.GetUtcNow(), recordId));
        await push.PushAsync(system, Batch("b-0", 1));
        await puller.PullAsync();
        for (var hour = 0; hour < 3; hour++)
        {
            Time.Advance(TimeSpan.FromHours(1));
            await push.PushAsync(system, Batch($"b-{hour + 1}", 1));
            await puller.PullAsync();
        }

        var retried = await push.PushAsync(system, Batch("b-lost", 5, at: SystemBuilder.Epoch.AddHours(3)));
        await puller.PullAsync();

        Assert.Equal((false, 5), (retried.Duplicate, retried.Accepted));
        var state = await StateAsync(graph);
        Assert.Equal(4 + 5, state.Windows.Values.Sum(w => w.Profile.Rows));
        Assert.Equal(5, state.RecordsRead);
    }

    [Fact]
    public async Task ABlobWrittenLateIntoAnHourFolderThePullHasPassed_IsStillRead()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var push = graph.GetRequiredService<TelemetryPush>();
        var puller = graph.GetRequiredService<TelemetryPuller>();
        var log = graph.GetRequiredService<BlobPushedTelemetryLog>();
        Time.Advance(TimeSpan.FromMinutes(50));
        var inFlight = Time.GetUtcNow().AddMinutes(9);
        await push.PushAsync(system, Batch("b-a", 2));
        await puller.PullAsync();
        Time.Advance(TimeSpan.FromMinutes(20));
        await push.PushAsync(system, Batch("b-b", 3));
        await puller.PullAsync();

        // A push that arrived at 08:59 and whose write lands only now, after the pull listed the 09:00 folder.
        var ids = Enumerable.Range(0, 20).Select(i => $"late-{i}").ToArray();
        foreach (var id in ids)
        {
            Assert.True(await log.AppendAsync(SystemId, Batch(id, 1), inFlight, inFlight));
        }

        await puller.PullAsync();

        var state = await StateAsync(graph);
        Assert.Equal(2 + 3 + 20, state.Windows.Values.Sum(w => w.Profile.Rows));
        Assert.Equal(2 + 20, state.RecordsRead);
        Assert.Contains(ids.Select(BlobPushedTelemetryLog.RecordId), id => string.CompareOrdinal(id, BlobPushedTelemetryLog.RecordId("b-a")) < 0);
    }

    [Fact]
    public async Task PushedModelOutputs_OfASystemWithPerformance_GoIntoTheWindowsPredictions()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync(performance: true);
        var rows = new[]
        {
            Row("""{"age": 40, "churn_pred": 1, "churn_proba": 0.9, "correlationid": "a"}"""),
            Row("""{"age": 41, "churn_pred": 0, "churn_proba": 0.2, "churned": 0, "correlationid": "b"}"""),
            Row("""{"age": 42}"""),
        };

        await graph.GetRequiredService<TelemetryPush>().PushAsync(system, new PushedBatch("b-1", null, null, rows));
        await graph.GetRequiredService<TelemetryPuller>().PullAsync();

        var window = Assert.Single((await StateAsync(graph)).Windows).Value;
        Assert.Equal(3, window.Profile.Rows);
        Assert.Equal(2, window.Profile.Column("churn_pred").Count);
        var predictions = window.Predictions!;
        Assert.Equal(2, predictions.Rows);
        Assert.Equal(["a", "b"], predictions.Kept.Select(r => r.CorrelationId));
        Assert.Equal([null, "0"], predictions.Kept.Select(r => r.Target));
        Assert.Equal(0.9, predictions.Kept[0].Probabilities![0]);
    }

    [Fact]
    public async Task ColumnsPastTheSystemsBound_AreAcceptedAtPush_AndIgnoredWhenFolded()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var push = graph.GetRequiredService<TelemetryPush>();
        var names = Enumerable.Range(0, 1100).Select(i => $"c{i:D4}").ToArray();

        var first = await push.PushAsync(system, new PushedBatch("b-1", null, null, [Wide(names[..600])]));
        var second = await push.PushAsync(system, new PushedBatch("b-2", null, null, [Wide(names[500..]), Wide(names[500..])]));
        await graph.GetRequiredService<TelemetryPuller>().PullAsync();

        Assert.Equal((1, 2), (first.Accepted, second.Accepted));
        var state = await StateAsync(graph);
        var window = Assert.Single(state.Windows).Value;
        Assert.Equal(ColumnAdmission.MaxColumns, window.Profile.Columns.Count);
        Assert.Equal(3, window.Profile.Rows);
        Assert.Equal(2 * 100, state.IgnoredValues);
    }

    private static JsonElement Wide(string[] names) => Row(JsonSerializer.Serialize(names.ToDictionary(n => n, _ => 1.5)));

    private static PushedBatch Batch(string id, int rows, string? version = null, DateTimeOffset? at = null) =>
        new(id, version, at, [.. Enumerable.Range(0, rows).Select(i => Row($$"""{"x": {{i}}, "plan": "p{{i % 3}}"}"""))]);

    private static JsonElement Row(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>A first attempt that stopped after claiming the batch id, before writing its data.</summary>
    private static async Task ClaimOnlyAsync(IServiceProvider graph, string recordId, string dataName)
    {
        var marker = graph.GetRequiredService<BlobPushedTelemetryLog>().Container.GetBlobClient(BlobPushedTelemetryLog.MarkerBlobName(SystemId, recordId));
        await marker.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["blob"] = dataName } });
    }

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

    /// <summary>A system with no telemetry sources and no reference: it is pulled because it has pushes.</summary>
    private async Task<MonitoredSystem> RegisterAsync(bool performance = false)
    {
        var system = new SystemBuilder().WithId(SystemId)
            .RegisteredAt(Time.GetUtcNow() - TimeSpan.FromDays(1)).HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30))
            .Build() with
        {
            Telemetry = performance ? new TelemetrySettings { DriftWindow = TimeSpan.FromHours(1) } : null,
            Performance = performance
                ? new PerformanceSettings { Task = PerformanceTask.BinaryClassification, Prediction = "churn_pred", Probability = "churn_proba", Target = "churned" }
                : null,
        };
        return await CreateAsync(system);
    }

    private static async Task<TelemetryState> StateAsync(IServiceProvider graph) =>
        (await graph.GetRequiredService<ITelemetryStateStore>().GetAsync(SystemId)).State!;

    private sealed class CrashAfterWrite(IPushedTelemetryLog log) : IPushedTelemetryLog
    {
        public async Task<bool> AppendAsync(string systemId, PushedBatch batch, DateTimeOffset recordTime, DateTimeOffset arrivedAt, CancellationToken cancellationToken = default)
        {
            await log.AppendAsync(systemId, batch, recordTime, arrivedAt, cancellationToken);
            throw new IOException("The process stopped after the write.");
        }
    }
}
