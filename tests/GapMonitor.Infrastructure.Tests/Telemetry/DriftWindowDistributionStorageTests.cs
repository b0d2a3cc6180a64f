using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift;
using GapMonitor.Drift.Distributions;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Storage.Entities;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>
/// A closed window's distributions round-trip through the drift table: in their own property while small, in their own
/// blob when not, read only for one window (lists carry none); rows of the earlier format stay readable.
/// </summary>
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
        var row = await Tables.Drift.GetEntityAsync<TableEntity>("churn", InvertedTicks.Of(Day));
        Assert.Null(row.Value.GetString("DetailsBlob"));
        Assert.NotNull(row.Value.GetString("Distributions"));
    }

    [Fact]
    public async Task Save_TooLargeForTheRow_KeepsTheDetailsInTheRow_AndTheDistributionsInTheirOwnBlob()
    {
        var store = new TableDriftWindowStore(Tables, _blobs);
        var distributions = Distributions(columns: 60);

        await store.SaveAsync(Window(distributions));
        var read = await store.GetAsync("churn", Day);

        AssertSame(distributions, read!.Distributions!);
        Assert.Equal("{}", read.ReportJson);
        var row = await Tables.Drift.GetEntityAsync<TableEntity>("churn", InvertedTicks.Of(Day));
        Assert.Null(row.Value.GetString("DetailsBlob"));
        Assert.Null(row.Value.GetString("Distributions"));
        Assert.NotNull(row.Value.GetString("DistributionsBlob"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(60)]
    public async Task List_ReturnsTheWindowsWithoutDistributions(int columns)
    {
        var store = new TableDriftWindowStore(Tables, _blobs);
        await store.SaveAsync(Window(Distributions(columns)));

        var listed = Assert.Single(await store.ListAsync("churn", null, null, 10));
        var paged = Assert.Single((await store.ListPageAsync("churn", null, null, PageRequest.First(10))).Items);

        Assert.Null(listed.Distributions);
        Assert.Null(paged.Distributions);
        Assert.Equal("{}", listed.ReportJson);
        Assert.Equal("{}", paged.ReportJson);
    }

    [Fact]
    public async Task Save_RoundsSharesAndEdgesToSixSignificantDigits()
    {
        var store = new TableDriftWindowStore(Tables, _blobs);
        var distributions = Distributions(columns: 3);

        await store.SaveAsync(Window(distributions));

        var row = await Tables.Drift.GetEntityAsync<TableEntity>("churn", InvertedTicks.Of(Day));
        var read = (await store.GetAsync("churn", Day))!.Distributions!;
        Assert.All(read.SelectMany(d => d.Bins), b =>
        {
            foreach (var value in new[] { b.Lower, b.Upper, b.Reference, b.Current }.OfType<double>())
            {
                Assert.Equal(value, double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            }
        });
        Assert.True(row.Value.GetString("Distributions")!.Length < StorageJson.Serialize(distributions).Length * 0.8);
    }

    [Fact]
    public async Task Get_ARowOfTheEarlierFormat_WithEverythingInTheDetailsBlob_ReadsTheDistributions()
    {
        var store = new TableDriftWindowStore(Tables, _blobs);
        var distributions = Distributions(columns: 3);
        var name = $"churn/{InvertedTicks.Of(Day)}.json";
        var details = new { ReportJson = "{}", DriftedColumns = new[] { "x1" }, Findings = Array.Empty<object>(), ModelVersions = new Dictionary<string, long>(), Performance = (object?)null, Distributions = distributions };
        await _blobs.DriftReports.GetBlobClient(name).UploadAsync(BinaryData.FromString(StorageJson.Serialize(details)), overwrite: true);
        await Tables.Drift.UpsertEntityAsync(new TableEntity("churn", InvertedTicks.Of(Day))
        {
            ["WindowStart"] = Day,
            ["WindowEnd"] = Day.AddHours(1),
            ["Rows"] = 100L,
            ["ReferenceVersion"] = "v1",
            ["DatasetDrift"] = true,
            ["DriftShare"] = 0.5,
            ["DetailsBlob"] = name,
        });

        var read = (await store.GetAsync("churn", Day))!;
        var listed = Assert.Single(await store.ListAsync("churn", null, null, 10));

        AssertSame(distributions, read.Distributions!);
        Assert.Equal(["x1"], read.DriftedColumns);
        Assert.Equal(["x1"], listed.DriftedColumns);
        Assert.Null(listed.Distributions);
    }

    [Fact]
    public async Task Get_ARowOfTheEarlierFormat_WithTheDistributionsInTheRow_ReadsThem()
    {
        var store = new TableDriftWindowStore(Tables, _blobs);
        var distributions = Distributions(columns: 3);
        await Tables.Drift.UpsertEntityAsync(new TableEntity("churn", InvertedTicks.Of(Day))
        {
            ["WindowStart"] = Day,
            ["WindowEnd"] = Day.AddHours(1),
            ["Rows"] = 100L,
            ["ReferenceVersion"] = "v1",
            ["DatasetDrift"] = false,
            ["DriftShare"] = 0.0,
            ["DriftedColumns"] = "[]",
            ["Findings"] = "[]",
            ["ModelVersions"] = "{}",
            ["ReportChunks"] = 1,
            ["Report0"] = "{}",
            ["Distributions"] = StorageJson.Serialize(distributions),
        });

        var read = (await store.GetAsync("churn", Day))!;

        AssertSame(distributions, read.Distributions!);
        Assert.Equal("{}", read.ReportJson);
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

    /// <summary>Stored shares and edges keep six significant digits.</summary>
    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= Math.Abs(e) * 1e-5, $"{e} vs {a}");
        }
    }

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
            Assert.Equal(expected[i].Bins.Count, actual[i].Bins.Count);
            foreach (var (e, a) in expected[i].Bins.Zip(actual[i].Bins))
            {
                Assert.Equal(e.Label, a.Label);
                AssertClose(e.Lower, a.Lower);
                AssertClose(e.Upper, a.Upper);
                AssertClose(e.Reference, a.Reference);
                AssertClose(e.Current, a.Current);
            }
        }
    }
}
