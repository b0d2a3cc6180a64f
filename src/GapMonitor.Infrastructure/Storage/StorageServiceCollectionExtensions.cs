using Azure.Identity;
using GapMonitor.Core.Abstractions;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GapMonitor.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Table and Blob clients (connection string for Azurite, otherwise service URIs with managed identity) and the stores.
    /// </summary>
    public static IServiceCollection AddGapMonitorStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.IsConfigured, "Set GapMonitor:Storage:ConnectionString, or GapMonitor:Storage:TableServiceUri and BlobServiceUri.")
            .Validate(o => o.TablePrefix.All(char.IsAsciiLetterOrDigit), "GapMonitor:Storage:TablePrefix may contain letters and digits only.")
            .ValidateOnStart();

        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.IsValid, "GapMonitor:Retention:Days must be between 1 and 3650.")
            .ValidateOnStart();

        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddAzureClients(clients =>
        {
            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                clients.AddTableServiceClient(options.ConnectionString);
                clients.AddBlobServiceClient(options.ConnectionString);
            }
            else if (options.TableServiceUri is not null)
            {
                clients.AddTableServiceClient(options.TableServiceUri);
                if (options.BlobServiceUri is not null)
                {
                    clients.AddBlobServiceClient(options.BlobServiceUri);
                }

                clients.UseCredential(new DefaultAzureCredential(new DefaultAzureCredentialOptions
                {
                    ManagedIdentityClientId = options.ManagedIdentityClientId,
                }));
            }
        });

        services.AddSingleton<StorageTables>();
        services.AddSingleton<ISystemStore, TableSystemStore>();
        services.AddSingleton<IAlertStore, TableAlertStore>();
        services.AddSingleton<IOutbox, TableOutbox>();
        services.AddSingleton<ISignalHistory, TableSignalHistory>();
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<ICustomerSourceStore, TableCustomerSourceStore>();
        services.AddSingleton<IHistoryArchive, TableHistoryArchive>();
        services.AddSingleton<Telemetry.TelemetryBlobs>();
        services.AddSingleton<Core.Telemetry.ITelemetryStateStore, Telemetry.BlobTelemetryStateStore>();
        services.AddSingleton<Core.Telemetry.IReferenceProfiles, Telemetry.BlobReferenceProfiles>();
        services.AddSingleton<Core.Telemetry.IDriftWindowStore, Telemetry.TableDriftWindowStore>();
        services.AddSingleton<Telemetry.ReferenceUploader>();
        services.AddSingleton<Core.Telemetry.IReferenceUploader>(sp => sp.GetRequiredService<Telemetry.ReferenceUploader>());
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}

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
