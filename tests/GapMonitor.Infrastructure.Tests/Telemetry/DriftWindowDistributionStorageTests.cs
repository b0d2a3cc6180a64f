using Azure.Storage.Blobs;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift;
using GapMonitor.Drift.Distributions;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>A closed window's distributions round-trip through the drift table: in the row while small, in the details blob when not.</summary>
[Collection(AzuriteCollection.Name)]
public class DriftWindowDistributionStorageTests(AzuriteFixture azurite) : StorageTestBase(azurite)
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
    public async Task Save_ThenGet_ReturnsTheDistributions_InTheRow()
    {
        var store = new TableDriftWindowStore(Tables, _blobs);
        var distributions = Distributions(columns: 3);

        await store.SaveAsync(Window(distributions));
        var read = await store.GetAsync("churn", Day);

        AssertSame(distributions, read!.Distributions!);
        var row = await Tables.Drift.GetEntityAsync<Azure.Data.Tables.TableEntity>("churn", InvertedTicks.Of(Day));
        Assert.Null(row.Value.GetString("DetailsBlob"));
        Assert.NotNull(row.Value.GetString("Distributions"));
    }

    [Fact]
    public async Task Save_ThenList_ReturnsTheDistributions_FromTheBlob_WhenTooLargeForTheRow()
    {
        var store = new TableDriftWindowStore(Tables, _blobs);
        var distributions = Distributions(columns: 60);

        await store.SaveAsync(Window(distributions));
        var read = Assert.Single(await store.ListAsync("churn", null, null, 10));

        AssertSame(distributions, read.Distributions!);
        var row = await Tables.Drift.GetEntityAsync<Azure.Data.Tables.TableEntity>("churn", InvertedTicks.Of(Day));
        Assert.NotNull(row.Value.GetString("DetailsBlob"));
    }

    [Fact]
    public async Task Save_WithoutDistributions_ReadsNull()
    {
        var store = new TableDriftWindowStore(Tables, _blobs);

        await store.SaveAsync(Window(null));

        Assert.Null((await store.GetAsync("churn", Day))!.Distributions);
    }

    private static DriftWindowRecord Window(IReadOnlyList<ColumnDistribution>? distributions) =>
        new("churn", Day, Day.AddHours(1), 100, "v1", false, [], 0, "{}", [], new Dictionary<string, long>(), null, null, distributions);

    private static IReadOnlyList<ColumnDistribution> Distributions(int columns)
    {
        var random = new Random(3);
        var reference = new List<ColumnData>();
        var current = new List<ColumnData>();
        for (var i = 0; i < columns; i++)
        {
            reference.Add(new NumericColumnData($"x{i}", Enumerable.Range(0, 300).Select(_ => random.NextDouble() * 7).ToArray()));
            current.Add(new NumericColumnData($"x{i}", Enumerable.Range(0, 300).Select(_ => random.NextDouble() * 9).ToArray()));
        }

        reference.Add(new CategoricalColumnData("plan", ["basic", "pro", "basic", null]));
        current.Add(new CategoricalColumnData("plan", ["pro", "pro", "team", ""]));
        return DistributionCalculator.Compare(reference, current, DistributionCalculator.DefaultBars);
    }

    private static void AssertSame(IReadOnlyList<ColumnDistribution> expected, IReadOnlyList<ColumnDistribution> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].Column, expected[i].Type, expected[i].ReferenceCount, expected[i].CurrentCount), (actual[i].Column, actual[i].Type, actual[i].ReferenceCount, actual[i].CurrentCount));
            Assert.Equal(expected[i].Bins, actual[i].Bins);
        }
    }
}
