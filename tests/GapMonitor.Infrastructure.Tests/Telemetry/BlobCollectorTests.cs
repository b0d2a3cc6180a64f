using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Sweeping.Shards;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Infrastructure.Tests.Sweeping;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>
/// Garbage collection of a system's blobs against Azurite: window blobs no state document names, and pushed blobs and
/// batch markers past their retention. Azurite stamps Last-Modified with its own clock, so each test moves the service's
/// fake clock to a blob's Last-Modified plus an age; no fake time is sent to the server as a condition.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobCollectorTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const string SystemId = "collected";
    private static readonly DateTimeOffset Hour = SystemBuilder.Epoch;

    private TelemetryBlobs _blobs = null!;
    private BlobTelemetryStateStore _store = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _blobs = Blobs(new BlobClientOptions());
        await _blobs.EnsureCreatedAsync();
        _store = new BlobTelemetryStateStore(_blobs);
    }

    [Fact]
    public async Task AnOrphanOlderThanTheBound_IsDeleted_AndTheNamedWindowBlobsStay()
    {
        await SaveStateAsync();
        var named = await WindowBlobsAsync();
        var orphan = await UploadAsync(_blobs.State, $"{SystemId}/windows/20260302T080000-g7-0123456789abcdef0123456789abcdef.bin");
        Time.SetUtcNow(orphan.LastModified + TimeSpan.FromHours(2));

        var deleted = await Collector().CollectAsync(SystemId);

        Assert.Equal(1, deleted);
        Assert.Equal(named, await WindowBlobsAsync());
        var (state, _) = await _store.GetAsync(SystemId);
        Assert.Equal(2, state!.Windows.Count);
    }

    [Fact]
    public async Task AYoungOrphan_IsKept_AndAPassRunsAtMostOnceADay()
    {
        await SaveStateAsync();
        var orphan = await UploadAsync(_blobs.State, $"{SystemId}/windows/20260302T080000-g7-0123456789abcdef0123456789abcdef.bin");
        var collector = Collector();

        Time.SetUtcNow(orphan.LastModified + TimeSpan.FromMinutes(30));
        Assert.Equal(0, await collector.CollectAsync(SystemId));
        Time.Advance(TimeSpan.FromHours(3));
        Assert.Null(await collector.CollectAsync(SystemId));
        Assert.Null(await Collector().CollectAsync(SystemId));
        Assert.Contains(orphan.Name, await WindowBlobsAsync());

        Time.Advance(TimeSpan.FromHours(21));
        Assert.Equal(1, await collector.CollectAsync(SystemId));
        Assert.DoesNotContain(orphan.Name, await WindowBlobsAsync());
    }

    [Fact]
    public async Task ASaveStalledPastTheBound_WhoseBlobsAreCollected_LosesItsCommit_AndTheStateStaysWhole()
    {
        await SaveStateAsync();
        var collected = 0;
        var stalled = new BlobTelemetryStateStore(Blobs(Options(new BeforeDocumentPolicy(async () =>
        {
            var newest = (await ListAsync($"{SystemId}/windows/")).Max(b => b.Properties.LastModified!.Value);
            Time.SetUtcNow(newest + TimeSpan.FromHours(2));
            collected = await Collector().CollectAsync(SystemId) ?? 0;
        }))));
        var (read, etag) = await stalled.GetAsync(SystemId);
        Fold(read!, Hour, 7);
        Fold(read!, Hour.AddHours(2), 7);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stalled.SaveAsync(SystemId, read!, etag));

        Assert.Equal(2, collected);
        var (after, afterTag) = await _store.GetAsync(SystemId);
        Assert.Equal((10L, 10L), (after!.Windows[Hour].Profile.Rows, after.Windows[Hour.AddHours(1)].Profile.Rows));
        Assert.Equal(2, (await WindowBlobsAsync()).Count);
        Fold(after, Hour, 1);
        await _store.SaveAsync(SystemId, after, afterTag);
        Assert.Equal(11L, (await _store.GetAsync(SystemId)).State!.Windows[Hour].Profile.Rows);
    }

    [Fact]
    public async Task PushedData_AndBatchMarkers_GoAfterTheirOwnRetention_AndOnlyThisSystems()
    {
        var data = await UploadAsync(_blobs.Pushed, $"pushed/{SystemId}/2026/03/02/08/0123456789abcdef.jsonl");
        var marker = await UploadAsync(_blobs.Pushed, $"pushed-batches/{SystemId}/0123456789abcdef");
        var neighbour = await UploadAsync(_blobs.Pushed, $"pushed/{SystemId}x/2026/03/02/08/0123456789abcdef.jsonl");
        var collector = Collector(new RetentionOptions { PushedDays = 7, PushedMarkerDays = 30 });

        Time.SetUtcNow(marker.LastModified + TimeSpan.FromDays(6));
        Assert.Equal(0, await collector.CollectAsync(SystemId));
        Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await collector.CollectAsync(SystemId));
        Assert.Equal([marker.Name, neighbour.Name], await PushedBlobsAsync());

        Time.Advance(TimeSpan.FromDays(23));
        Assert.Equal(1, await collector.CollectAsync(SystemId));
        Assert.Equal([neighbour.Name], await PushedBlobsAsync());
        Assert.DoesNotContain(data.Name, await PushedBlobsAsync());
    }

    [Fact]
    public async Task WithALifecyclePolicyInCharge_PushedBlobsAreLeftToIt()
    {
        var data = await UploadAsync(_blobs.Pushed, $"pushed/{SystemId}/2026/03/02/08/0123456789abcdef.jsonl");
        var marker = await UploadAsync(_blobs.Pushed, $"pushed-batches/{SystemId}/0123456789abcdef");
        Time.SetUtcNow(marker.LastModified + TimeSpan.FromDays(100));

        Assert.Equal(0, await Collector(new RetentionOptions { DeletePushedBlobs = false }).CollectAsync(SystemId));

        Assert.Equal([marker.Name, data.Name], await PushedBlobsAsync());
    }

    [Fact]
    public async Task ABacklog_IsWorkedOffAPageARun_ResumingWhereTheLastRunStopped()
    {
        var markers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            markers.Add((await UploadAsync(_blobs.Pushed, $"pushed-batches/{SystemId}/{i:D2}")).Name);
        }

        var young = (await ListAsync($"pushed-batches/{SystemId}/", _blobs.Pushed)).Max(b => b.Properties.LastModified!.Value);
        var collector = Collector(new RetentionOptions(), pageSize: 2);
        Time.SetUtcNow(young + TimeSpan.FromDays(31));

        Assert.Equal(2, await collector.CollectAsync(SystemId));
        Assert.Equal(markers[2..], await PushedBlobsAsync());
        Assert.Null(await collector.CollectAsync(SystemId));
        Time.Advance(BlobCollector.StepInterval);
        Assert.Equal(2, await Collector(new RetentionOptions(), pageSize: 2).CollectAsync(SystemId));
        Time.Advance(BlobCollector.StepInterval);
        Assert.Equal(1, await collector.CollectAsync(SystemId));
        Assert.Empty(await PushedBlobsAsync());
        Time.Advance(BlobCollector.StepInterval);
        Assert.Null(await collector.CollectAsync(SystemId));
    }

    [Fact]
    public async Task APull_CollectsTheBlobsOfEachSystem_AlsoOfOneItDoesNotPull()
    {
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services =>
        {
            services.AddSingleton<TokenCredential>(new FailingTokenCredential(() => new InvalidOperationException("no identity in tests")));
            services.AddGapMonitorTelemetry();
        });
        await CreateAsync(new SystemBuilder().WithId(SystemId).Build());
        await SaveStateAsync();
        var named = await WindowBlobsAsync();
        await UploadAsync(_blobs.State, $"{SystemId}/windows/20260302T080000-g7-0123456789abcdef0123456789abcdef.bin");
        var marker = await UploadAsync(_blobs.Pushed, $"pushed-batches/{SystemId}/0123456789abcdef");
        Time.SetUtcNow(marker.LastModified + TimeSpan.FromDays(31));

        await graph.GetRequiredService<TelemetryPuller>().PullAsync();

        Assert.Equal(named, await WindowBlobsAsync());
        Assert.Empty(await PushedBlobsAsync());
    }

    [Fact]
    public async Task TheCensusOfAShard_NamesTheBlobsOfItsSystemsOnly_AlsoWhereADashSortsBeforeTheSlashThatEndsAnId()
    {
        // Blob order: abb/…, abc-d/…, abc/…, abd/… ('-' sorts before '/'), id order: abb, abc, abc-d, abd.
        await UploadAsync(_blobs.State, "abb/state.json");
        await UploadAsync(_blobs.State, "abc-d/state.json");
        await UploadAsync(_blobs.State, "abc/windows/20260302T080000-g7-0123456789abcdef0123456789abcdef.bin");
        await UploadAsync(_blobs.State, "abd/state.json");
        await UploadAsync(_blobs.Pushed, "pushed/abc-d/2026/03/02/09/00/000000000-r1.jsonl");
        await UploadAsync(_blobs.Pushed, "pushed/abc/2026/03/02/09/00/000000000-r2.jsonl");
        await UploadAsync(_blobs.Pushed, "pushed-batches/abd/r3");

        var before = await ShardBlobCensus.ReadAsync(_blobs.Pushed, _blobs.State, new SweepShard(null, "abc-a"), CancellationToken.None);
        var after = await ShardBlobCensus.ReadAsync(_blobs.Pushed, _blobs.State, new SweepShard("abc-a", null), CancellationToken.None);

        Assert.Equal([true, true, false, false], new[] { "abb", "abc", "abc-d", "abd" }.Select(id => before.HasBlobsToCollect(id, pushedBlobs: true)));
        Assert.Equal([false, true, false, false], new[] { "abb", "abc", "abc-d", "abd" }.Select(before.HasPushes));
        Assert.Equal([false, false, true, true], new[] { "abb", "abc", "abc-d", "abd" }.Select(id => after.HasBlobsToCollect(id, pushedBlobs: true)));
        Assert.Equal([false, false, true, false], new[] { "abb", "abc", "abc-d", "abd" }.Select(after.HasPushes));
    }

    [Fact]
    public async Task ACollectorThatLearnsFromTheCensus_ReadsNoRecordWhenNothingIsDue_AndWritesNoneForASystemWithoutBlobs()
    {
        await SaveStateAsync();
        Assert.Equal(0, await Collector().CollectAsync(SystemId));
        var requests = 0;
        var counted = Blobs(Options(new CountingPolicy(() => Interlocked.Increment(ref requests))));
        var fresh = new BlobCollector(counted, Microsoft.Extensions.Options.Options.Create(new RetentionOptions()), Time, NullLogger<BlobCollector>.Instance);
        Time.Advance(TimeSpan.FromHours(1));

        var census = await ShardBlobCensus.ReadAsync(_blobs.Pushed, _blobs.State, SweepShard.All, CancellationToken.None);
        fresh.Learn(SystemId, census);
        fresh.Learn("no-blobs", census);

        Assert.Null(await fresh.CollectAsync(SystemId));
        Assert.Null(await fresh.CollectAsync("no-blobs"));
        Assert.Equal(0, requests);
        Assert.Empty(await ListAsync("no-blobs/"));

        Time.Advance(TimeSpan.FromDays(1));
        fresh.Learn(SystemId, await ShardBlobCensus.ReadAsync(_blobs.Pushed, _blobs.State, SweepShard.All, CancellationToken.None));
        Assert.Equal(0, await fresh.CollectAsync(SystemId));
        Assert.True(requests > 0);
    }

    private BlobCollector Collector(RetentionOptions? options = null, int pageSize = BlobCollector.DefaultPageSize) =>
        new(_blobs, Microsoft.Extensions.Options.Options.Create(options ?? new RetentionOptions()), Time, NullLogger<BlobCollector>.Instance) { PageSize = pageSize };

    private async Task SaveStateAsync()
    {
        var state = new TelemetryState();
        Fold(state, Hour, 10);
        Fold(state, Hour.AddHours(1), 10);
        await _store.SaveAsync(SystemId, state, null);
    }

    private static void Fold(TelemetryState state, DateTimeOffset at, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            var window = state.WindowFor(at.AddSeconds(i), TimeSpan.FromHours(1), TelemetryIngestion.ServiceProfileSettings)!;
            window.Profile.Column("x").Add(i * 0.5);
            window.Profile.Rows++;
        }
    }

    private static async Task<(string Name, DateTimeOffset LastModified)> UploadAsync(BlobContainerClient container, string name)
    {
        var uploaded = await container.GetBlobClient(name).UploadAsync(BinaryData.FromString("{}\n"));
        return (name, uploaded.Value.LastModified);
    }

    private async Task<List<BlobItem>> ListAsync(string prefix, BlobContainerClient? container = null)
    {
        var items = new List<BlobItem>();
        await foreach (var item in (container ?? _blobs.State).GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            items.Add(item);
        }

        return items;
    }

    private async Task<List<string>> WindowBlobsAsync() =>
        [.. (await ListAsync($"{SystemId}/windows/")).Select(b => b.Name).Order(StringComparer.Ordinal)];

    private async Task<List<string>> PushedBlobsAsync() =>
        [.. (await ListAsync(string.Empty, _blobs.Pushed)).Select(b => b.Name).Order(StringComparer.Ordinal)];

    private static BlobClientOptions Options(HttpPipelinePolicy policy)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return options;
    }

    private sealed class CountingPolicy(Action count) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => count();
    }

    private TelemetryBlobs Blobs(BlobClientOptions options) =>
        new(new BlobServiceClient(Azurite.ConnectionString, options), Microsoft.Extensions.Options.Options.Create(new StorageOptions { TablePrefix = TablePrefix }));

    /// <summary>The save stalls as it sends its new state document: <c>before</c> runs first (once), then the request goes on.</summary>
    private sealed class BeforeDocumentPolicy(Func<Task> before) : HttpPipelinePolicy
    {
        private int _ran;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.EndsWith("/state.json", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _ran, 1) == 0)
            {
                await before();
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
