using System.Text.Json;
using Azure.Core;
using Azure.Storage.Blobs.Models;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Performance;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
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
    public async Task AShardsPull_OfTheSystemsItIsHanded_FoldsThePushedOne_AndSaysItWorkedOnThatOneOnly()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        await CreateAsync(new SystemBuilder().WithId("pushed-quiet").Build());
        await CreateAsync(new SystemBuilder().WithId("pushed-other-shard").Build());
        Time.Advance(TimeSpan.FromMinutes(10));
        await graph.GetRequiredService<TelemetryPush>().PushAsync(system, Batch("b-1", 3));
        var shard = new GapMonitor.Core.Sweeping.Shards.SweepShard("pushed-p", null);
        var listed = new List<SystemWithAlerts>();
        await foreach (var entry in Systems.ListRangeAsync(shard))
        {
            listed.Add(entry);
        }

        var summary = await graph.GetRequiredService<TelemetryPuller>().PullAsync(shard, listed);

        Assert.Equal(["pushed-pull", "pushed-quiet"], listed.Select(s => s.System.Id));
        Assert.Equal([SystemId], summary.Pulled!);
        Assert.Equal(3, Assert.Single((await StateAsync(graph)).Windows).Value.Profile.Rows);
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
    public async Task ABlobWrittenLate_BeforeNamesThePullHasRead_IsStillRead_AcrossTheHour()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var push = graph.GetRequiredService<TelemetryPush>();
        var puller = graph.GetRequiredService<TelemetryPuller>();
        var log = graph.GetRequiredService<BlobPushedTelemetryLog>();
        Time.Advance(TimeSpan.FromMinutes(58));
        var inFlight = Time.GetUtcNow().AddMinutes(1.5);
        await push.PushAsync(system, Batch("b-a", 2));
        await puller.PullAsync();
        Time.Advance(TimeSpan.FromMinutes(3));
        await push.PushAsync(system, Batch("b-b", 3));
        await puller.PullAsync();

        // Pushes that arrived at 08:59:30 and whose writes land only now, after the pull read 09:01's push.
        var ids = Enumerable.Range(0, 20).Select(i => $"late-{i}").ToArray();
        foreach (var id in ids)
        {
            Assert.True(await log.AppendAsync(SystemId, Batch(id, 1), inFlight, inFlight));
        }

        await puller.PullAsync();
        await puller.PullAsync();

        var state = await StateAsync(graph);
        Assert.Equal(2 + 3 + 20, state.Windows.Values.Sum(w => w.Profile.Rows));
        Assert.Equal(1 + 1 + 20, state.RecordsRead);
    }

    [Fact]
    public async Task TheCheckpoint_HoldsOnlyTheLastMinutesOfPushes_HoweverManyTheHourHeld()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var push = graph.GetRequiredService<TelemetryPush>();
        var puller = graph.GetRequiredService<TelemetryPuller>();
        var sizes = new List<int>();
        for (var minute = 0; minute < 40; minute++)
        {
            for (var i = 0; i < 6; i++)
            {
                await push.PushAsync(system, Batch($"b-{minute}-{i}", 1));
                Time.Advance(TimeSpan.FromSeconds(10));
            }

            await puller.PullAsync();
            sizes.Add((await StateAsync(graph)).PushedLogCheckpoint!.Length);
        }

        var state = await StateAsync(graph);
        Assert.Equal(240, state.Windows.Values.Sum(w => w.Profile.Rows));
        Assert.Equal(240, state.RecordsRead);

        // 5 minutes of pushes at 6 a minute are remembered one by one; an entry per push of the hour would be 240.
        Assert.True(sizes[^1] < 2_500, $"checkpoint of {sizes[^1]} characters");
        Assert.True(sizes[^1] <= sizes[10] + 100, $"checkpoint grew from {sizes[10]} to {sizes[^1]} characters");
    }

    [Fact]
    public async Task AFirstPush_WhoseDataWriteAnswerWasLost_IsAccepted_NotADuplicate()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var log = graph.GetRequiredService<BlobPushedTelemetryLog>();
        var recordId = BlobPushedTelemetryLog.RecordId("b-1");
        var batch = Batch("b-1", 4);

        // The storage client's first attempt wrote the data; its answer was lost, and the retry finds the blob.
        Assert.True(await log.TryWriteDataAsync(
            BlobPushedTelemetryLog.DataBlobName(SystemId, Time.GetUtcNow(), recordId),
            BlobPushedTelemetryLog.Serialize(recordId, batch, Time.GetUtcNow()),
            CancellationToken.None));
        var outcome = await graph.GetRequiredService<TelemetryPush>().PushAsync(system, batch);
        await graph.GetRequiredService<TelemetryPuller>().PullAsync();

        Assert.Equal((false, 4), (outcome.Duplicate, outcome.Accepted));
        Assert.Equal(4, Assert.Single((await StateAsync(graph)).Windows).Value.Profile.Rows);
    }

    [Fact]
    public async Task BlobsAndACheckpointOfTheEarlierBuild_AreFoldedOnce_ThenItsCheckpointIsDropped()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var log = graph.GetRequiredService<BlobPushedTelemetryLog>();
        var fold = graph.GetRequiredService<PushedTelemetryFold>();
        var prefix = BlobPushedTelemetryLog.PrefixOf(SystemId);
        Time.Advance(TimeSpan.FromMinutes(20));
        await WriteLegacyAsync(log, "old-1", 2);
        var legacy = await graph.GetRequiredService<InferenceLogReader>().ReadNewAsync(
            log.Container, prefix, null, 1_000, Time.GetUtcNow(), null, CancellationToken.None);
        var state = new TelemetryState { PushedLogCheckpoint = JsonSerializer.Serialize(legacy.Checkpoint) };
        await WriteLegacyAsync(log, "old-2", 3);
        await graph.GetRequiredService<TelemetryPush>().PushAsync(system, Batch("new-1", 4));

        var first = await fold.FoldAsync(system, state);
        Time.Advance(TimeSpan.FromHours(3));
        await graph.GetRequiredService<TelemetryPush>().PushAsync(system, Batch("new-2", 5));
        var second = await fold.FoldAsync(system, state);
        var third = await fold.FoldAsync(system, state);

        Assert.Equal((3 + 4, 5L, 0L), (first.Rows, second.Rows, third.Rows));
        Assert.Equal(3, state.RecordsRead);
        Assert.DoesNotContain("OpenFrom", state.PushedLogCheckpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatchIdRepeatedAfterRetentionDeletedItsData_IsStillADuplicate_WhileItsMarkerLives()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var push = graph.GetRequiredService<TelemetryPush>();
        var log = graph.GetRequiredService<BlobPushedTelemetryLog>();
        await push.PushAsync(system, Batch("b-1", 3));
        await graph.GetRequiredService<TelemetryPuller>().PullAsync();
        await foreach (var blob in log.Container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = BlobPushedTelemetryLog.PrefixOf(SystemId) + "/" }))
        {
            await log.Container.DeleteBlobAsync(blob.Name);
        }

        Time.Advance(TimeSpan.FromDays(8));
        var again = await push.PushAsync(system, Batch("b-1", 3));
        await graph.GetRequiredService<TelemetryPuller>().PullAsync();

        Assert.True(again.Duplicate);
        Assert.Equal(1, (await StateAsync(graph)).RecordsRead);
    }

    [Fact]
    public async Task ARetryOfABatchABuildBeforeTheLogFoldedDirectly_AddsNoRows()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var push = graph.GetRequiredService<TelemetryPush>();
        var state = new TelemetryState { RecentBatchIds = ["b-old"] };

        await push.PushAsync(system, Batch("b-old", 3));
        await push.PushAsync(system, Batch("b-new", 2));
        var delta = await graph.GetRequiredService<PushedTelemetryFold>().FoldAsync(system, state);

        Assert.Equal(2, delta.Rows);
        Assert.Equal(2, state.OpenRows);
        Assert.Equal(1, state.RecordsRead);
    }

    [Fact]
    public async Task NewStyleBlobsOlderThanTheEarlierBuildsOpenFolders_AreReadAtTheHandOver()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync();
        var log = graph.GetRequiredService<BlobPushedTelemetryLog>();
        var prefix = BlobPushedTelemetryLog.PrefixOf(SystemId);
        await graph.GetRequiredService<TelemetryPush>().PushAsync(system, Batch("new-early", 4));
        Time.Advance(TimeSpan.FromHours(3));
        await WriteLegacyAsync(log, "old-1", 2);
        var depth = prefix.Count(c => c == '/') + 5;
        var legacy = await graph.GetRequiredService<InferenceLogReader>().ReadNewAsync(
            log.Container, prefix, null, 1_000, Time.GetUtcNow(), name => name.Count(c => c == '/') == depth, CancellationToken.None);
        var state = new TelemetryState { PushedLogCheckpoint = JsonSerializer.Serialize(legacy.Checkpoint) };

        var delta = await graph.GetRequiredService<PushedTelemetryFold>().FoldAsync(system, state);

        Assert.Equal(4, delta.Rows);
        Assert.Equal(1, state.RecordsRead);
    }

    [Fact]
    public void TheEarlierBuild_FailsToReadTheNewCheckpoint_RatherThanFoldingEverythingAgain()
    {
        var checkpoint = new Infrastructure.Telemetry.Pushed.PushedLogCheckpoint { SettledThrough = Time.GetUtcNow() }.Serialize();

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<InferenceLogCheckpoint>(checkpoint));
    }

    [Theory]
    [InlineData("s-1/windows/20261126T100000-g3-0123456789abcdef0123456789abcdef.bin", true)]
    [InlineData("pending-predictions/windows/prediction-batch.json", false)]
    [InlineData("s-1/windows/20261126T100000-g3-0123456789abcdef0123456789abcdef.bin.tmp", false)]
    public void OnlyTheStoresOwnWindowBlobNames_AreCollectable(string name, bool collectable)
    {
        var systemId = name[..name.IndexOf('/', StringComparison.Ordinal)];
        Assert.Equal(collectable, BlobTelemetryStateStore.IsWindowBlobName(systemId, name));
    }

    /// <summary>A batch as the earlier build named it: no minute folder, the record id as the whole name.</summary>
    private async Task WriteLegacyAsync(BlobPushedTelemetryLog log, string batchId, int rows)
    {
        var recordId = BlobPushedTelemetryLog.RecordId(batchId);
        var name = $"{BlobPushedTelemetryLog.PrefixOf(SystemId)}/{Time.GetUtcNow().UtcDateTime:yyyy'/'MM'/'dd'/'HH}/{recordId}.jsonl";
        await log.Container.GetBlobClient(name).UploadAsync(BlobPushedTelemetryLog.Serialize(recordId, Batch(batchId, rows), Time.GetUtcNow()));
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
