using System.Text;
using Azure.Storage.Blobs;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

[Collection(AzuriteCollection.Name)]
public sealed class BlobReferenceProfilesTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private TelemetryBlobs _blobs = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _blobs = new TelemetryBlobs(new BlobServiceClient(Azurite.ConnectionString), Options.Create(new StorageOptions { TablePrefix = TablePrefix }));
        await _blobs.EnsureCreatedAsync();
    }

    [Fact]
    public async Task Upload_StoresTheProfileInBinaryForm_WhichReadsBackAsTheSameProfile()
    {
        await new ReferenceUploader(_blobs).UploadAsync("sys", "v1", ReferenceFormats.Csv, new MemoryStream(Encoding.UTF8.GetBytes(Csv(rows: 50))));

        var stored = (await _blobs.References.GetBlobClient("sys/v1.profile.bin").DownloadContentAsync()).Value.Content.ToArray();
        var read = await new BlobReferenceProfiles(_blobs).GetAsync("sys", "v1");

        Assert.NotNull(read);
        Assert.Equal(50, read.Rows);
        Assert.Equal(ProfileJson.Serialize(ProfileBinary.Deserialize(stored)), ProfileJson.Serialize(read));
        Assert.False((await _blobs.References.GetBlobClient("sys/v1.profile.json").ExistsAsync()).Value);
    }

    [Fact]
    public async Task Get_OfAReferenceWithOnlyAJsonProfile_ReadsIt_AndWritesItsBinaryForm()
    {
        var profile = new DatasetProfile(TelemetryIngestion.ReferenceProfileSettings) { Rows = 3 };
        foreach (var value in new[] { 1.5, 2.5, 4.0 })
        {
            profile.Column("x").Add(value);
            profile.Column("plan").Add("basic");
        }

        await _blobs.References.GetBlobClient("old/v0.profile.json").UploadAsync(BinaryData.FromString(ProfileJson.Serialize(profile)));

        var read = await new BlobReferenceProfiles(_blobs).GetAsync("old", "v0");

        Assert.NotNull(read);
        Assert.Equal(ProfileJson.Serialize(profile), ProfileJson.Serialize(read));
        var converted = (await _blobs.References.GetBlobClient("old/v0.profile.bin").DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(ProfileJson.Serialize(profile), ProfileJson.Serialize(ProfileBinary.Deserialize(converted)));
        Assert.True((await _blobs.References.GetBlobClient("old/v0.profile.json").ExistsAsync()).Value);
        var again = await new BlobReferenceProfiles(_blobs).GetAsync("old", "v0");
        Assert.Equal(ProfileJson.Serialize(profile), ProfileJson.Serialize(again!));
    }

    [Fact]
    public async Task Get_OfAVersionWithNoProfile_IsNull()
    {
        Assert.Null(await new BlobReferenceProfiles(_blobs).GetAsync("none", "v9"));
    }

    private static string Csv(int rows) =>
        "x,plan\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"{i * 0.5},{(i % 3 == 0 ? "pro" : "basic")}\n"));
}
