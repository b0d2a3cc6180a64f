using Azure.Identity;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

public static class InferenceLogServiceCollectionExtensions
{
    /// <summary>
    /// The reader, with sources without a SAS read as the service's managed identity
    /// (<see cref="StorageOptions.ManagedIdentityClientId"/> picks a user-assigned one).
    /// </summary>
    public static IServiceCollection AddInferenceLogReader(this IServiceCollection services)
    {
        services.TryAddSingleton<IBlobContainerClientFactory>(provider => new BlobContainerClientFactory(
            new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = provider.GetService<IOptions<StorageOptions>>()?.Value.ManagedIdentityClientId,
            }),
            GuardedTransport.Create(provider.GetService<IOptions<WebhookOptions>>()?.Value.AllowPrivateNetworks ?? false)));
        services.TryAddSingleton<InferenceLogReader>();
        return services;
    }
}
