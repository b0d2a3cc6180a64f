using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>
/// The telemetry state against Azurite: a small document naming one binary blob per open or closing window, windows
/// rewritten only when they changed, copy-on-write so the document commits them, no blob left behind by a conflict.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WindowBlobStateStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const string SystemId = "windows";
    private static readonly DateTimeOffset Hour = SystemBuilder.Epoch;
    private static readonly TimeSpan Length = TimeSpan.FromHours(1);

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
    public async Task Save_PutsEachWindowInABlobOfItsOwn_AndTheDocumentOnlyNamesThem()
    {
        var state = new TelemetryState { InferenceLogCheckpoint = "{}" };
        Fold(state, Hour, 100);
        Fold(state, Hour.AddHours(1), 50);
        state.Windows[Hour].Predictions = WindowPredictions.For(SystemId, Hour);
        state.Windows[Hour].Predictions!.Add(new PredictionRecord("id-1", "yes", [0.25], null));
        state.Closing.Add(new ClosingWindow(Hour.AddHours(-1), Hour, new OpenWindow(Profile(10))) { Attempts = 2, LastError = "Boom" });

        await _store.SaveAsync(SystemId, state, null);

        var document = await DocumentAsync();
        Assert.DoesNotContain("\"profile\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"predictions\"", document, StringComparison.Ordinal);
        Assert.True(document.Length < 2_000, document);
        Assert.Equal(3, (await WindowBlobsAsync()).Count);
        var (read, _) = await new BlobTelemetryStateStore(_blobs).GetAsync(SystemId);
        Assert.Equal([Hour, Hour.AddHours(1)], read!.Windows.Keys);
        Assert.Equal((100L, 50L), (read.Windows[Hour].Profile.Rows, read.Windows[Hour.AddHours(1)].Profile.Rows));
        Assert.Equal(ProfileJson.Serialize(state.Windows[Hour].Profile), ProfileJson.Serialize(read.Windows[Hour].Profile));
        Assert.Equal("id-1", Assert.Single(read.Windows[Hour].Predictions!.Kept).CorrelationId);
        var closing = Assert.Single(read.Closing);
        Assert.Equal((Hour.AddHours(-1), 2, "Boom", 10L), (closing.Start, closing.Attempts, closing.LastError, closing.Window.Profile.Rows));
        Assert.Equal("{}", read.InferenceLogCheckpoint);
    }

    [Fact]
    public async Task Save_RewritesOnlyTheWindowsThatChanged_AndDeletesTheBlobsTheyReplace()
    {
        var state = new TelemetryState();
        Fold(state, Hour, 100);
        Fold(state, Hour.AddHours(1), 100);
        await _store.SaveAsync(SystemId, state, null);
        var before = await WindowBlobsAsync();

        var (read, etag) = await _store.GetAsync(SystemId);
        Fold(read!, Hour.AddHours(1), 5);
        await _store.SaveAsync(SystemId, read!, etag);

        var after = await WindowBlobsAsync();
        Assert.Equal(2, after.Count);
        var kept = Assert.Single(after.Intersect(before));
        Assert.StartsWith($"{SystemId}/windows/{Hour.UtcDateTime:yyyyMMdd'T'HHmmss}-", kept, StringComparison.Ordinal);
        var (again, _) = await _store.GetAsync(SystemId);
        Assert.Equal((100L, 105L), (again!.Windows[Hour].Profile.Rows, again.Windows[Hour.AddHours(1)].Profile.Rows));
        Assert.Equal(after, await NamedBlobsAsync());
    }

    [Fact]
    public async Task AnUpdateBringingAWindowNoRows_NeitherDecodesNorRewritesIt()
    {
        var state = new TelemetryState();
        Fold(state, Hour, 100);
        Fold(state, Hour.AddHours(1), 100);
        await _store.SaveAsync(SystemId, state, null);
        var before = await WindowBlobsAsync();

        var (read, etag) = await _store.GetAsync(SystemId);
        Assert.False(read!.Windows[Hour].IsDecoded);
        Fold(read, Hour.AddHours(1), 5);
        await _store.SaveAsync(SystemId, read, etag);

        Assert.False(read.Windows[Hour].IsDecoded);
        Assert.True(read.Windows[Hour.AddHours(1)].IsDecoded);
        Assert.Single((await WindowBlobsAsync()).Intersect(before));
        var (again, _) = await _store.GetAsync(SystemId);
        Assert.Equal(ProfileJson.Serialize(state.Windows[Hour].Profile), ProfileJson.Serialize(again!.Windows[Hour].Profile));
        Assert.Equal(105L, again.Windows[Hour.AddHours(1)].Profile.Rows);
    }

    [Fact]
    public async Task AWindowBlobOfAnotherFormat_FailsTheRead_AndADamagedOneFailsItsFirstUse()
    {
        var state = new TelemetryState();
        Fold(state, Hour, 100);
        await _store.SaveAsync(SystemId, state, null);
        var blob = _blobs.State.GetBlobClient(Assert.Single(await WindowBlobsAsync()));
        var bytes = (await blob.DownloadContentAsync()).Value.Content.ToArray();

        await blob.UploadAsync(new BinaryData(bytes[..40]), overwrite: true);
        var (read, _) = await _store.GetAsync(SystemId);
        Assert.Throws<InvalidDataException>(() => read!.Windows[Hour].Profile);

        bytes[0] = 99;
        await blob.UploadAsync(new BinaryData(bytes), overwrite: true);
        await Assert.ThrowsAsync<InvalidDataException>(() => _store.GetAsync(SystemId));
    }

    [Fact]
    public async Task Save_ClosedWindows_LeaveNoBlobBehind()
    {
        var state = new TelemetryState();
        Fold(state, Hour, 100);
        await _store.SaveAsync(SystemId, state, null);

        var (read, etag) = await _store.GetAsync(SystemId);
        read!.Windows.Clear();
        read.ClosedThrough = Hour;
        await _store.SaveAsync(SystemId, read, etag);

        Assert.Empty(await WindowBlobsAsync());
    }

    [Fact]
    public async Task ConcurrentSaves_OneConflicts_ItsBlobsAreDeleted_AndTheRetryCountsEveryRowOnce()
    {
        var state = new TelemetryState();
        Fold(state, Hour, 10);
        await _store.SaveAsync(SystemId, state, null);
        var (first, firstTag) = await _store.GetAsync(SystemId);
        var (second, secondTag) = await _store.GetAsync(SystemId);
        Fold(first!, Hour, 100);
        Fold(second!, Hour, 1_000);
        Fold(second!, Hour.AddHours(1), 1_000);

        await _store.SaveAsync(SystemId, first!, firstTag);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.SaveAsync(SystemId, second!, secondTag));

        Assert.Equal(await NamedBlobsAsync(), await WindowBlobsAsync());
        var (retry, retryTag) = await _store.GetAsync(SystemId);
        Fold(retry!, Hour, 1_000);
        Fold(retry!, Hour.AddHours(1), 1_000);
        await _store.SaveAsync(SystemId, retry!, retryTag);
        var (final, _) = await _store.GetAsync(SystemId);
        Assert.Equal((1_110L, 1_000L), (final!.Windows[Hour].Profile.Rows, final.Windows[Hour.AddHours(1)].Profile.Rows));
        Assert.Equal(await NamedBlobsAsync(), await WindowBlobsAsync());
    }

    [Fact]
    public async Task ACrashAfterTheWindowsAreWritten_BeforeTheDocument_LeavesTheOldStateWhole()
    {
        var state = new TelemetryState { RecordsRead = 10 };
        Fold(state, Hour, 10);
        await _store.SaveAsync(SystemId, state, null);
        using var crash = new CancellationTokenSource();
        var crashing = new BlobTelemetryStateStore(Blobs(Options(new CrashBeforeDocumentPolicy(crash))));
        var (read, etag) = await crashing.GetAsync(SystemId);
        read!.RecordsRead += 500;
        Fold(read, Hour, 500);
        Fold(read, Hour.AddHours(1), 500);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashing.SaveAsync(SystemId, read, etag, crash.Token));

        Assert.Equal(3, (await WindowBlobsAsync()).Count);
        var (after, afterTag) = await new BlobTelemetryStateStore(_blobs).GetAsync(SystemId);
        Assert.Equal(etag, afterTag);
        Assert.Equal((10L, 10L), (after!.RecordsRead, Assert.Single(after.Windows).Value.Profile.Rows));
        after.RecordsRead += 500;
        Fold(after, Hour, 500);
        await _store.SaveAsync(SystemId, after, afterTag);
        var (next, _) = await _store.GetAsync(SystemId);
        Assert.Equal((510L, 510L), (next!.RecordsRead, Assert.Single(next.Windows).Value.Profile.Rows));
    }

    [Fact]
    public async Task AStateWrittenWithEmbeddedWindows_Reads_AndMovesItsWindowsToBlobsAtTheNextWrite()
    {
        var open = new OpenWindow(Profile(40)) { Predictions = WindowPredictions.For(SystemId, Hour) };
        open.Predictions!.Add(new PredictionRecord("a", "cat", [0.5, double.NaN], null));
        open.CountModelVersion("v7", 40);
        var closing = Profile(25);
        var legacy = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                windows = new[] { new { start = Hour, profile = ProfileJson.Serialize(open.Profile), modelVersions = open.ModelVersions, predictions = WindowPredictionsDto.From(open.Predictions) } },
                closedThrough = (DateTimeOffset?)Hour.AddHours(-2),
                lateRows = 3L,
                recentBatchIds = new[] { "b1" },
                inferenceLogCheckpoint = "{\"openFrom\":\"x\"}",
                recordsRead = 65L,
                malformedLines = 1L,
                closing = new[] { new { start = Hour.AddHours(-1), end = Hour, profile = ProfileJson.Serialize(closing), modelVersions = new Dictionary<string, long>(), attempts = 1, retryAt = (DateTimeOffset?)Hour, lastError = "Boom" } },
                ignoredValues = 4L,
            },
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
        await _blobs.State.GetBlobClient($"{SystemId}/state.json").UploadAsync(new BinaryData(legacy));

        var (read, etag) = await _store.GetAsync(SystemId);

        Assert.Equal((65L, 3L, 1L, 4L), (read!.RecordsRead, read.LateRows, read.MalformedLines, read.IgnoredValues));
        Assert.Equal(ProfileJson.Serialize(open.Profile), ProfileJson.Serialize(read.Windows[Hour].Profile));
        Assert.Equal(40L, read.Windows[Hour].ModelVersions["v7"]);
        Assert.True(double.IsNaN(read.Windows[Hour].Predictions!.Kept[0].Probabilities![1]));
        Assert.Equal(ProfileJson.Serialize(closing), ProfileJson.Serialize(Assert.Single(read.Closing).Window.Profile));
        Assert.Empty(await WindowBlobsAsync());

        await _store.SaveAsync(SystemId, read, etag);

        Assert.DoesNotContain("\"profile\"", await DocumentAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await WindowBlobsAsync()).Count);
        var (migrated, _) = await new BlobTelemetryStateStore(_blobs).GetAsync(SystemId);
        Assert.Equal(ProfileJson.Serialize(open.Profile), ProfileJson.Serialize(migrated!.Windows[Hour].Profile));
        Assert.Equal(ProfileJson.Serialize(closing), ProfileJson.Serialize(Assert.Single(migrated.Closing).Window.Profile));
        Assert.Equal(("Boom", 1, "b1"), (migrated.Closing[0].LastError, migrated.Closing[0].Attempts, Assert.Single(migrated.RecentBatchIds)));
    }

    private static void Fold(TelemetryState state, DateTimeOffset at, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            var window = state.WindowFor(at.AddSeconds(i % 3600), Length, TelemetryIngestion.ServiceProfileSettings)!;
            window.Profile.Column("x").Add(i * 0.5);
            window.Profile.Column("city").Add(i % 2 == 0 ? "Oslo" : "Lima");
            window.Profile.Rows++;
        }
    }

    private static DatasetProfile Profile(int rows)
    {
        var profile = new DatasetProfile(TelemetryIngestion.ServiceProfileSettings) { Rows = rows };
        for (var i = 0; i < rows; i++)
        {
            profile.Column("x").Add(i == 3 ? double.NaN : i * 1.5);
        }

        return profile;
    }

    private static BlobClientOptions Options(HttpPipelinePolicy policy)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return options;
    }

    private TelemetryBlobs Blobs(BlobClientOptions options) =>
        new(new BlobServiceClient(Azurite.ConnectionString, options), Microsoft.Extensions.Options.Options.Create(new StorageOptions { TablePrefix = TablePrefix }));

    private async Task<string> DocumentAsync() =>
        (await _blobs.State.GetBlobClient($"{SystemId}/state.json").DownloadContentAsync()).Value.Content.ToString();

    private async Task<List<string>> WindowBlobsAsync()
    {
        var names = new List<string>();
        await foreach (var blob in _blobs.State.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{SystemId}/windows/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    private async Task<List<string>> NamedBlobsAsync()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var windows = document.RootElement.GetProperty("windows").EnumerateArray();
        var closing = document.RootElement.TryGetProperty("closing", out var c) ? c.EnumerateArray() : default;
        return [.. windows.Concat(closing).Select(w => w.GetProperty("blob").GetString()!).Order(StringComparer.Ordinal)];
    }

    /// <summary>The process dies as it sends the new state document: nothing after that request runs.</summary>
    private sealed class CrashBeforeDocumentPolicy(CancellationTokenSource crash) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.EndsWith("/state.json", StringComparison.Ordinal))
            {
                crash.Cancel();
                crash.Token.ThrowIfCancellationRequested();
            }

            return ProcessNextAsync(message, pipeline);
        }
    }
}
