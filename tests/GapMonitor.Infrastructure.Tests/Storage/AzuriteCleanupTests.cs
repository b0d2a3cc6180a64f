using Azure.Data.Tables;
using Azure.Storage.Blobs;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>The shared fixture's cleanup removes every table and container the product creates under a prefix, and nothing else.</summary>
[Collection(AzuriteCollection.Name)]
public class AzuriteCleanupTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DeleteStorage_RemovesEveryTableAndContainerUnderThePrefix_AndLeavesOtherPrefixesAlone()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var other = AzuriteFixture.NewTablePrefix();
        await CreateEverythingAsync(prefix);
        await CreateEverythingAsync(other);
        Assert.Equal(7, (await TablesAsync(prefix)).Count);
        Assert.Equal(4, (await ContainersAsync(prefix)).Count);

        await AzuriteFixture.DeleteStorageAsync(prefix);

        Assert.Empty(await TablesAsync(prefix));
        Assert.Empty(await ContainersAsync(prefix));
        Assert.Equal(
            ["apikeys", "archive", "drift", "history", "idempotency", "sources", "systems"],
            (await TablesAsync(other)).Select(name => name[other.Length..]).Order(StringComparer.Ordinal));
        Assert.Equal(["driftreports", "pushedtelemetry", "references", "telemetry"], (await ContainersAsync(other)).Select(name => name[other.Length..]).Order(StringComparer.Ordinal));
        await AzuriteFixture.DeleteStorageAsync(other);
    }

    private async Task CreateEverythingAsync(string prefix)
    {
        var options = Options.Create(new StorageOptions { TablePrefix = prefix });
        await new StorageTables(new TableServiceClient(azurite.ConnectionString), options).EnsureCreatedAsync();
        await new TelemetryBlobs(new BlobServiceClient(azurite.ConnectionString), options).EnsureCreatedAsync();
    }

    private async Task<List<string>> TablesAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync())
        {
            if (table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                names.Add(table.Name);
            }
        }

        return names;
    }

    private async Task<List<string>> ContainersAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var container in new BlobServiceClient(azurite.ConnectionString).GetBlobContainersAsync(prefix: prefix))
        {
            names.Add(container.Name);
        }

        return names;
    }
}
