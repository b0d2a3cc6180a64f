using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.PullBenchmark;

/// <summary>
/// Registers the systems with their data-collector container (read/list SAS) and prefix, uploads a reference per system
/// through the uploader the API uses and switches the system to it, and writes the data-collector files. Not measured.
/// </summary>
public static class Preparation
{
    public const int ReferenceRows = 5_000;
    private const int Parallelism = 8;

    public static async Task RunAsync(IServiceProvider services, BenchmarkArguments arguments, IReadOnlyList<BenchSystem> systems)
    {
        var store = services.GetRequiredService<ISystemStore>();
        var uploader = services.GetRequiredService<ReferenceUploader>();
        var blobService = services.GetRequiredService<BlobServiceClient>();
        var sasByContainer = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var name in systems.Select(s => s.Container).Distinct(StringComparer.Ordinal))
        {
            var container = blobService.GetBlobContainerClient(name);
            await container.CreateIfNotExistsAsync();

            // Azurite checks SAS expiry against the real clock, not the benchmark's fake one.
            sasByContainer[name] = container.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddDays(2));
        }

        var done = 0;
        await Parallel.ForEachAsync(systems, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (system, ct) =>
        {
            var created = await store.CreateAsync(Create(system, sasByContainer[system.Container]), Audit(system, "system.registered"), ct);
            var version = Fleet.RegisteredAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-bench";
            using (var csv = new MemoryStream(TelemetryData.ReferenceCsv(system, ReferenceRows)))
            {
                await uploader.UploadAsync(system.Id, version, ReferenceFormats.Csv, csv, ct);
            }

            await store.UpdateAsync(created with { Signals = created.Signals with { ReferenceVersion = version } }, Audit(system, "reference.uploaded"), ct);
            var container = blobService.GetBlobContainerClient(system.Container);
            for (var hour = 0; hour < Fleet.Hours; hour++)
            {
                foreach (var (name, content) in TelemetryData.HourFiles(system, hour))
                {
                    await container.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, ct);
                }
            }

            if (Interlocked.Increment(ref done) % 10 == 0)
            {
                Console.WriteLine($"  prepared {done}/{systems.Count} systems");
            }
        });
    }

    private static MonitoredSystem Create(BenchSystem system, Uri sas) => new()
    {
        Id = system.Id,
        Name = "Pull benchmark " + system.Id,
        Vendor = "vendor-bench",
        Customer = "customer-" + system.Container,
        Model = new ModelInfo("churn-model", "3"),
        HandoverAt = Fleet.RegisteredAt - TimeSpan.FromDays(30),
        VendorGracePeriod = TimeSpan.FromDays(14),
        Monitoring = new MonitoringSettings(TimeSpan.FromDays(1), TimeSpan.FromHours(1)),
        AcknowledgeWithin = TimeSpan.FromHours(4),
        RegisteredAt = Fleet.RegisteredAt - TimeSpan.FromDays(45),
        Telemetry = new TelemetrySettings
        {
            InferenceLog = new InferenceLogSettings(sas, system.Prefix),
            DriftWindow = TimeSpan.FromHours(1),
        },
    };

    private static AuditEntry Audit(BenchSystem system, string action) =>
        new(Guid.NewGuid().ToString("N"), system.Id, Fleet.RegisteredAt, "bench", action);
}
