using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using GapMonitor.Core;
using GapMonitor.Core.Sweeping;
using GapMonitor.Infrastructure.Delivery;
using GapMonitor.Infrastructure.Queues;
using GapMonitor.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GapMonitor.SweepBenchmark;

/// <summary>One process's services for the fan-out benchmark: the product's registrations with the sweep queue.</summary>
public static class BenchServices
{
    public static ServiceProvider Build(string connectionString, string tablePrefix, TimeProvider clock, string pickupDirectory, int systemsPerShard, RequestCounter? counter = null)
    {
        var tableOptions = new TableClientOptions();
        if (counter is not null)
        {
            tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GapMonitor:Webhooks:AllowPrivateNetworks"] = "true",
            ["GapMonitor:Storage:ConnectionString"] = connectionString,
            ["GapMonitor:Storage:TablePrefix"] = tablePrefix,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddSingleton(new TableServiceClient(connectionString, tableOptions));
        services.AddSingleton(new BlobServiceClient(connectionString));
        services.AddSingleton(Options.Create(new StorageOptions { ConnectionString = connectionString, TablePrefix = tablePrefix }));
        services.AddSingleton(Options.Create(new RetentionOptions()));
        services.AddGapMonitorStores();
        services.AddGapMonitorSweepQueue(configuration);
        services.AddGapMonitorCore();
        services.AddSingleton(new SweepSettings(TimeSpan.FromSeconds(20)) { SystemsPerShard = systemsPerShard });
        services.AddGapMonitorDelivery(pickupDirectory);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
