using Azure.Core;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Identity;
using GapMonitor.Infrastructure.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The storage settings, the Table and Blob clients, and the stores over them.</summary>
    public static IServiceCollection AddGapMonitorStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .PostConfigure(o => o.ApplyAliases(configuration))
            .Validate(o => o.IsConfigured, "Set GapMonitor:Storage:ConnectionString, or GapMonitor:Storage:TableServiceUri and BlobServiceUri.")
            .Validate(o => o.TablePrefix.All(char.IsAsciiLetterOrDigit), "GapMonitor:Storage:TablePrefix may contain letters and digits only.")
            .ValidateOnStart();

        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.IsValid, "GapMonitor:Retention:Days and PushedDays must be between 1 and 3650, PushedMarkerDays between PushedDays and 3650.")
            .ValidateOnStart();

        return services.AddGapMonitorStorageClients(configuration).AddGapMonitorStores().AddGapMonitorSweepQueue(configuration);
    }

    /// <summary>
    /// The service's Table and Blob clients, registered once: by connection string (Azurite, or an account with shared
    /// keys), otherwise by service URI with the service's <see cref="TokenCredential"/>. A call that still fails after the
    /// clients' retries, on the connection or with a 5xx, throws <see cref="StorageUnavailableException"/>.
    /// </summary>
    public static IServiceCollection AddGapMonitorStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGapMonitorCredential();
        var options = StorageOptions.Read(configuration);
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(provider => provider.GetRequiredService<TokenCredential>());
            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                clients.AddTableServiceClient(options.ConnectionString).ConfigureOptions(ReportOutages);
                clients.AddBlobServiceClient(options.ConnectionString).ConfigureOptions(ReportOutages);
            }
            else if (options.TableServiceUri is not null)
            {
                clients.AddTableServiceClient(options.TableServiceUri).ConfigureOptions(ReportOutages);
                if (options.BlobServiceUri is not null)
                {
                    clients.AddBlobServiceClient(options.BlobServiceUri).ConfigureOptions(ReportOutages);
                }
            }
        });

        static void ReportOutages(ClientOptions clientOptions) => clientOptions.AddPolicy(StorageUnavailablePolicy.Instance, HttpPipelinePosition.PerCall);
        return services;
    }

    /// <summary>
    /// The stores over the registered <c>TableServiceClient</c> and <c>BlobServiceClient</c>, under
    /// <see cref="StorageOptions.TablePrefix"/>; the tables and containers are created when the host starts.
    /// </summary>
    public static IServiceCollection AddGapMonitorStores(this IServiceCollection services)
    {
        services.AddSingleton<StorageTables>();
        services.AddSingleton<IStorageHealthProbe, TableStorageHealthProbe>();
        services.AddSingleton<ISystemStore, TableSystemStore>();
        services.AddSingleton<IAlertStore, TableAlertStore>();
        services.AddSingleton<ISilenceStore, TableSilenceStore>();
        services.AddSingleton<IOutbox, TableOutbox>();
        services.AddSingleton<IDeliveryLog, TableDeliveryLog>();
        services.AddSingleton<ISignalHistory, TableSignalHistory>();
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<ICustomerSourceStore, TableCustomerSourceStore>();
        services.AddSingleton<IHistoryArchive, TableHistoryArchive>();
        services.AddSingleton<IUsedActionLinks, TableUsedActionLinks>();
        services.AddSingleton<Telemetry.TelemetryBlobs>();
        services.AddSingleton<Core.Ports.ITelemetryStateStore, Telemetry.BlobTelemetryStateStore>();
        services.AddSingleton<Core.Ports.IReferenceProfiles, Telemetry.BlobReferenceProfiles>();
        services.AddSingleton<Core.Ports.IDriftWindowStore, Telemetry.TableDriftWindowStore>();
        services.AddSingleton<Telemetry.ReferenceUploader>();
        services.AddSingleton<Core.Ports.IReferenceUploader>(sp => sp.GetRequiredService<Telemetry.ReferenceUploader>());
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}
