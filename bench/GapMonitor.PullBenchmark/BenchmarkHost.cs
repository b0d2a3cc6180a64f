using GapMonitor.Composition;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.PullBenchmark;

/// <summary>
/// The service graph as the hosts build it (<c>AddGapMonitor</c>), on a fake clock, against Azurite, with outbound calls
/// to private networks allowed as for local use (<c>GapMonitor:Webhooks:AllowPrivateNetworks</c>), and the state, reference and
/// drift window stores timed (<see cref="Phases"/>).
/// </summary>
public static class BenchmarkHost
{
    public static async Task<ServiceProvider> StartAsync(BenchmarkArguments arguments, FakeTimeProvider clock, string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GapMonitor:Storage:ConnectionString"] = arguments.ConnectionString,
                ["GapMonitor:Storage:TablePrefix"] = arguments.TablePrefix,

                // The data collector's containers are on the local Azurite (plain http on loopback), which production
                // refuses; the setting tests and the demo use for local sources.
                ["GapMonitor:Webhooks:AllowPrivateNetworks"] = "true",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddGapMonitor(configuration, dataDirectory);

        // The real stores, timed: where the pull's time goes (Phases).
        services.AddSingleton<ITelemetryStateStore>(provider => new TimedStateStore(ActivatorUtilities.CreateInstance<BlobTelemetryStateStore>(provider)));
        services.AddSingleton<IReferenceProfiles>(provider => new TimedReferenceProfiles(ActivatorUtilities.CreateInstance<BlobReferenceProfiles>(provider)));
        services.AddSingleton<IDriftWindowStore>(provider => new TimedDriftWindowStore(ActivatorUtilities.CreateInstance<TableDriftWindowStore>(provider)));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<StorageTables>().EnsureCreatedAsync();
        await provider.GetRequiredService<TelemetryBlobs>().EnsureCreatedAsync();
        return provider;
    }
}
