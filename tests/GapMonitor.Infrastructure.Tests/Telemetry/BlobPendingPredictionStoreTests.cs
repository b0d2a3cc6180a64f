using Azure.Storage.Blobs;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Performance;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

[Collection(AzuriteCollection.Name)]
public class BlobPendingPredictionStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private BlobPendingPredictionStore _store = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var blobs = new TelemetryBlobs(new BlobServiceClient(Azurite.ConnectionString), Options.Create(new StorageOptions { TablePrefix = TablePrefix }));
        await blobs.EnsureCreatedAsync();
        _store = new BlobPendingPredictionStore(blobs);
    }

    [Fact]
    public async Task SaveThenList_ReturnsEveryWindowOfTheSystemOldestFirst_WithItsRowsAsSaved()
    {
        await _store.CreateAsync("churn", Day.AddDays(10), Day.AddDays(11), Predictions(("late", "1", [0.9], null)));
        await _store.CreateAsync("churn", Day, Day.AddDays(1), Predictions(("a", "0", [0.25], "1"), (null, "1", null, null)));
        await _store.CreateAsync("churn", Day.AddDays(2), Day.AddDays(3), Predictions(("b", "1", [0.75], null)));
        await _store.CreateAsync("churn-other", Day, Day.AddDays(1), Predictions(("x", "1", [0.5], null)));

        var listed = await ListAsync("churn");

        Assert.Equal([Day, Day.AddDays(2), Day.AddDays(10)], listed.Select(p => p.WindowStart));
        Assert.Equal([Day.AddDays(1), Day.AddDays(3), Day.AddDays(11)], listed.Select(p => p.WindowEnd));
        Assert.All(listed, p => Assert.Equal("churn", p.SystemId));
        Assert.All(listed, p => Assert.False(string.IsNullOrEmpty(p.ETag)));
        var first = listed[0].Predictions;
        Assert.Equal((7L, 0xFEEDFACECAFEBEEF), (first.Rows, first.Seed));
        Assert.Equal(
            [new PredictionRecord("a", "0", [0.25], "1"), new PredictionRecord(null, "1", null, null)],
            first.Kept.Select(r => r with { Probabilities = r.Probabilities is null ? null : [.. r.Probabilities] }).ToList(),
            new RecordComparer());
    }

    [Fact]
    public async Task SaveThenList_KeepsMulticlassClassesAndNaNForAClassARowLacked()
    {
        var predictions = new WindowPredictions { ProbabilityClasses = ["cat", "dog", "eel"], Rows = 2 };
        predictions.Kept.Add(new PredictionRecord("r1", "dog", [0.1, 0.7, double.NaN], "cat"));
        await _store.CreateAsync("zoo", Day, Day.AddDays(1), predictions);

        var read = Assert.Single(await ListAsync("zoo")).Predictions;

        Assert.Equal(["cat", "dog", "eel"], read.ProbabilityClasses);
        var row = Assert.Single(read.Kept);
        Assert.Equal(("r1", "dog", "cat"), (row.CorrelationId, row.Prediction, row.Target));
        Assert.Equal(0.1, row.Probabilities![0]);
        Assert.Equal(0.7, row.Probabilities[1]);
        Assert.True(double.IsNaN(row.Probabilities[2]));
    }

    [Fact]
    public async Task Replace_UnderTheETagItWasReadWith_Succeeds_AndAStaleETagConflicts()
    {
        await _store.CreateAsync("churn", Day, Day.AddDays(1), Predictions(("a", "0", [0.25], null)));
        var read = Assert.Single(await ListAsync("churn"));

        var labeled = Predictions(("a", "0", [0.25], "1"));
        await _store.ReplaceAsync(read with { Predictions = labeled });
        var stale = read with { Predictions = Predictions(("a", "0", [0.25], "0")) };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.ReplaceAsync(stale));
        var after = Assert.Single(await ListAsync("churn"));
        Assert.Equal("1", Assert.Single(after.Predictions.Kept).Target);
        Assert.NotEqual(read.ETag, after.ETag);
    }

    [Fact]
    public async Task Replace_OfAWindowDeletedMeanwhile_Conflicts_AndDoesNotBringItBack()
    {
        await _store.CreateAsync("churn", Day, Day.AddDays(1), Predictions(("a", "0", [0.25], null)));
        var read = Assert.Single(await ListAsync("churn"));
        await _store.DeleteAsync("churn", Day);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.ReplaceAsync(read));

        Assert.Empty(await ListAsync("churn"));
    }

    [Fact]
    public async Task Get_ReadsOneWindowWithItsETag_AndNullForAWindowNeverSaved()
    {
        await _store.CreateAsync("churn", Day, Day.AddDays(1), Predictions(("a", "0", [0.25], null)));
        var listed = Assert.Single(await ListAsync("churn"));

        var read = await _store.GetAsync("churn", Day);

        Assert.NotNull(read);
        Assert.Equal((Day, Day.AddDays(1), listed.ETag), (read.WindowStart, read.WindowEnd, read.ETag));
        Assert.Equal("a", Assert.Single(read.Predictions.Kept).CorrelationId);
        Assert.Null(await _store.GetAsync("churn", Day.AddDays(1)));
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatWindow_AndIsIdempotent()
    {
        await _store.CreateAsync("churn", Day, Day.AddDays(1), Predictions(("a", "0", [0.25], null)));
        await _store.CreateAsync("churn", Day.AddDays(1), Day.AddDays(2), Predictions(("b", "1", [0.75], null)));

        await _store.DeleteAsync("churn", Day);
        await _store.DeleteAsync("churn", Day);
        await _store.DeleteAsync("never-seen", Day);

        Assert.Equal([Day.AddDays(1)], (await ListAsync("churn")).Select(p => p.WindowStart));
    }

    [Fact]
    public async Task Prune_DeletesTheWindowsStartedBeforeTheCutOffOnly()
    {
        await _store.CreateAsync("churn", Day, Day.AddDays(1), Predictions(("a", "0", [0.25], null)));
        await _store.CreateAsync("churn", Day.AddDays(1), Day.AddDays(2), Predictions(("b", "1", [0.75], null)));
        await _store.CreateAsync("churn-other", Day, Day.AddDays(1), Predictions(("c", "1", [0.75], null)));

        var pruned = await _store.PruneAsync("churn", Day.AddDays(1));

        Assert.Equal(1, pruned);
        Assert.Equal([Day.AddDays(1)], (await ListAsync("churn")).Select(p => p.WindowStart));
        Assert.Single(await ListAsync("churn-other"));
    }

    [Fact]
    public async Task Create_OfAWindowAlreadyStored_ConflictsAndKeepsTheStoredCopy()
    {
        await _store.CreateAsync("churn", Day, Day.AddDays(1), Predictions(("a", "0", [0.25], "1")));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.CreateAsync("churn", Day, Day.AddDays(1), Predictions(("b", "1", [0.75], null))));

        var only = Assert.Single(await ListAsync("churn"));
        Assert.Equal("a", Assert.Single(only.Predictions.Kept).CorrelationId);
    }

    private static WindowPredictions Predictions(params (string? Id, string Prediction, double[]? Probabilities, string? Target)[] rows)
    {
        var predictions = new WindowPredictions { Rows = rows.Length + 5, Seed = 0xFEEDFACECAFEBEEF };
        predictions.Kept.AddRange(rows.Select(r => new PredictionRecord(r.Id, r.Prediction, r.Probabilities, r.Target)));
        return predictions;
    }

    private async Task<List<PendingPredictions>> ListAsync(string systemId)
    {
        var result = new List<PendingPredictions>();
        await foreach (var pending in _store.ListAsync(systemId))
        {
            result.Add(pending);
        }

        return result;
    }

    private sealed class RecordComparer : IEqualityComparer<PredictionRecord>
    {
        public bool Equals(PredictionRecord? x, PredictionRecord? y) =>
            x is not null && y is not null
            && (x.CorrelationId, x.Prediction, x.Target) == (y.CorrelationId, y.Prediction, y.Target)
            && (x.Probabilities ?? []).SequenceEqual(y.Probabilities ?? [])
            && (x.Probabilities is null) == (y.Probabilities is null);

        public int GetHashCode(PredictionRecord obj) => HashCode.Combine(obj.CorrelationId, obj.Prediction, obj.Target);
    }
}
