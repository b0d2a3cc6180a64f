using Azure.Data.Tables;
using Azure.Storage.Blobs;
using GapMonitor.Core;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>
/// One host's service graph: the core registration over the stores' registration, with its own storage clients.
/// Two graphs over the same table prefix behave like two instances of the service sharing one storage account.
/// </summary>
internal static class SweepGraph
{
    public static Task<ServiceProvider> BuildAsync(AzuriteFixture azurite, string tablePrefix, TimeProvider time, params INotificationSender[] senders) =>
        BuildAsync(azurite, tablePrefix, time, _ => { }, senders);

    /// <param name="configure">Runs last: its registrations replace the defaults (fault injection, a fake puller).</param>
    public static async Task<ServiceProvider> BuildAsync(
        AzuriteFixture azurite, string tablePrefix, TimeProvider time, Action<IServiceCollection> configure, params INotificationSender[] senders)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddGapMonitorCore();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(new TableServiceClient(azurite.ConnectionString));
        services.AddSingleton(new BlobServiceClient(azurite.ConnectionString));
        services.AddSingleton(Options.Create(new StorageOptions { TablePrefix = tablePrefix }));
        services.AddSingleton(Options.Create(new RetentionOptions()));
        services.AddGapMonitorStores();
        foreach (var sender in senders)
        {
            services.AddSingleton(sender);
        }

        configure(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<StorageTables>().EnsureCreatedAsync();
        return provider;
    }
}
