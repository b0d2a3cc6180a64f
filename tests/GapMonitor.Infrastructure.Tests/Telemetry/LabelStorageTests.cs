using Azure.Storage.Blobs;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>What late labels read and write besides pending predictions: one drift window by its start, applied label batches in the telemetry state.</summary>
[Collection(AzuriteCollection.Name)]
public class LabelStorageTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private TelemetryBlobs _blobs = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _blobs = new TelemetryBlobs(new BlobServiceClient(Azurite.ConnectionString), Options.Create(new StorageOptions { TablePrefix = TablePrefix }));
        await _blobs.EnsureCreatedAsync();
    }

    [Fact]
    public async Task DriftWindowGet_ReadsTheWindowStartingThere_AndNullWhereNoneStarts()
    {
        var store = new TableDriftWindowStore(Tables, _blobs);
        for (var day = 0; day < 3; day++)
        {
            await store.SaveAsync(new DriftWindowRecord("churn", Day.AddDays(day), Day.AddDays(day + 1), 10 + day, "v1", false, [], 0, null, [], new Dictionary<string, long>(), null));
        }

        var middle = await store.GetAsync("churn", Day.AddDays(1));

        Assert.Equal((Day.AddDays(1), 11L), (middle!.WindowStart, middle.Rows));
        Assert.Null(await store.GetAsync("churn", Day.AddHours(12)));
        Assert.Null(await store.GetAsync("other", Day));
    }

    [Fact]
    public async Task TelemetryState_KeepsAppliedLabelBatchesWithTheirCounts()
    {
        var store = new BlobTelemetryStateStore(_blobs);
        var state = new TelemetryState();
        state.RememberLabelBatch(new LabelOutcome("batch-1", 3, 2, 1, 1, false));
        await store.SaveAsync("churn", state, null);

        var (read, _) = await store.GetAsync("churn");

        Assert.Equal(new LabelOutcome("batch-1", 3, 2, 1, 1, false), read!.LabelBatch("batch-1"));
        Assert.Null(read.LabelBatch("batch-2"));
    }
}
