using Microsoft.Extensions.Hosting;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>Creates the tables when the host starts.</summary>
internal sealed class StorageInitializer(StorageTables tables, Telemetry.TelemetryBlobs blobs) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        await blobs.EnsureCreatedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
