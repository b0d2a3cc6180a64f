using Azure.Core;
using Azure.Storage.Queues;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping.Shards;
using GapMonitor.Infrastructure.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Queues;

public static class QueueServiceCollectionExtensions
{
    /// <summary>
    /// The sweep's fan-out, when the storage settings reach a queue service: the Queue client (connection string, or
    /// <c>QueueServiceUri</c> with the service's credential), the sweep queue and its consumer, and
    /// <see cref="SweepFanOut"/>. Without one nothing is registered and the sweep timer sweeps in its own process.
    /// Messages are base64, as the Functions queue trigger reads and writes them.
    /// </summary>
    public static IServiceCollection AddGapMonitorSweepQueue(this IServiceCollection services, IConfiguration configuration)
    {
        var options = StorageOptions.Read(configuration);
        if (!options.HasQueueService)
        {
            return services;
        }

        services.AddAzureClients(clients =>
        {
            var builder = !string.IsNullOrWhiteSpace(options.ConnectionString)
                ? clients.AddQueueServiceClient(options.ConnectionString)
                : clients.AddQueueServiceClient(options.QueueServiceUri!);
            builder.ConfigureOptions(o =>
            {
                o.MessageEncoding = QueueMessageEncoding.Base64;
                o.AddPolicy(StorageUnavailablePolicy.Instance, HttpPipelinePosition.PerCall);
            });
        });
        services.AddSingleton<StorageSweepShardQueue>();
        services.AddSingleton<ISweepShardQueue>(sp => sp.GetRequiredService<StorageSweepShardQueue>());
        services.AddSingleton<SweepShardConsumer>();
        services.AddSingleton<SweepFanOut>();
        return services;
    }
}
