using GapMonitor.Core;
using GapMonitor.Core.Abstractions;
using GapMonitor.Core.Notifications;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>
/// One host's service graph: the core registration over the Table Storage stores, with its own table clients.
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
        var tables = await azurite.CreateTablesAsync(tablePrefix);
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddGapMonitorCore();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(tables);
        services.AddSingleton<ISystemStore, TableSystemStore>();
        services.AddSingleton<IAlertStore, TableAlertStore>();
        services.AddSingleton<IOutbox, TableOutbox>();
        services.AddSingleton<ISignalHistory, TableSignalHistory>();
        services.AddSingleton(Options.Create(new RetentionOptions()));
        services.AddSingleton<IHistoryArchive, TableHistoryArchive>();
        foreach (var sender in senders)
        {
            services.AddSingleton(sender);
        }

        configure(services);

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
