using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Performance;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

[Collection(AzuriteCollection.Name)]
public sealed class BlobPerformanceReferencesTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly PerformanceSettings Settings = new()
    {
        Task = PerformanceTask.BinaryClassification,
        Prediction = "pred",
        Probability = "proba",
        Target = "churned",
        ChunkRows = 250,
    };

    private TelemetryBlobs _blobs = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _blobs = new TelemetryBlobs(new BlobServiceClient(Azurite.ConnectionString), Options.Create(new StorageOptions { TablePrefix = TablePrefix }));
        await _blobs.EnsureCreatedAsync();
    }

    [Fact]
    public async Task Get_FitsTheStoredReferenceRowsOnce_ThenReadsTheFitFromMemoryAndFromItsBlob()
    {
        await UploadAsync("v1", ReferenceCsv(rows: 1000, withTarget: true));
        var references = new BlobPerformanceReferences(_blobs);

        var fitted = await references.GetAsync("sys", "v1", Settings);
        var again = await references.GetAsync("sys", "v1", Settings);

        Assert.NotNull(fitted);
        Assert.Equal((1000L, 4, 1), (fitted.Rows, fitted.Chunks, fitted.Calibration.Count));
        Assert.Contains(PerformanceMetrics.RocAuc, fitted.Thresholds.Keys);
        Assert.Same(fitted, again);
        Assert.Equal(1, references.Fits);

        var restarted = new BlobPerformanceReferences(_blobs);
        var read = await restarted.GetAsync("sys", "v1", Settings);
        Assert.Equal(0, restarted.Fits);
        Assert.Equal(PerformanceReferenceJson.Serialize(fitted), PerformanceReferenceJson.Serialize(read!));
    }

    [Fact]
    public async Task Get_WithOtherSettingsTheFitDependsOn_FitsAgain()
    {
        await UploadAsync("v1", ReferenceCsv(rows: 1000, withTarget: true));
        var references = new BlobPerformanceReferences(_blobs);
        await references.GetAsync("sys", "v1", Settings);

        var wider = await references.GetAsync("sys", "v1", Settings with { ChunkRows = 500 });
        await references.GetAsync("sys", "v1", Settings with { Metrics = [PerformanceMetrics.F1] });

        Assert.Equal(2, wider!.Chunks);
        Assert.Equal(2, references.Fits);
    }

    [Fact]
    public async Task Get_AReferenceWithoutTheTargetColumn_IsNull_AndThatIsRememberedToo()
    {
        await UploadAsync("v2", ReferenceCsv(rows: 100, withTarget: false));
        var references = new BlobPerformanceReferences(_blobs);

        Assert.Null(await references.GetAsync("sys", "v2", Settings));
        var restarted = new BlobPerformanceReferences(_blobs);
        Assert.Null(await restarted.GetAsync("sys", "v2", Settings));
        Assert.Equal(0, restarted.Fits);
        Assert.Null(await restarted.GetAsync("sys", "missing", Settings));
    }

    private Task UploadAsync(string version, string csv) =>
        new ReferenceUploader(_blobs).UploadAsync("sys", version, ReferenceFormats.Csv, new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    /// <summary>A model that is right four times in five: probability 0.8 or 0.2, target as predicted except every fifth row.</summary>
    private static string ReferenceCsv(int rows, bool withTarget)
    {
        var csv = new StringBuilder(withTarget ? "age,pred,proba,churned\n" : "age,pred,proba\n");
        for (var i = 0; i < rows; i++)
        {
            var pred = i % 2;
            var proba = (pred == 1 ? 0.8 : 0.2) + ((i % 7) / 100.0);
            var target = i % 5 == 0 ? 1 - pred : pred;
            csv.Append(CultureInfo.InvariantCulture, $"{20 + (i % 50)},{pred},{proba}");
            csv.Append(withTarget ? $",{target}\n" : "\n");
        }

        return csv.ToString();
    }
}
