using Azure.Core;
using GapMonitor.Infrastructure.Identity;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

public static class InferenceLogServiceCollectionExtensions
{
    /// <summary>
    /// The reader, with sources without a SAS read as the service's <see cref="TokenCredential"/> (its managed identity;
    /// <see cref="StorageOptions.ManagedIdentityClientId"/> picks a user-assigned one).
    /// </summary>
    public static IServiceCollection AddInferenceLogReader(this IServiceCollection services)
    {
        services.AddGapMonitorCredential();
        services.TryAddSingleton<IBlobContainerClientFactory>(provider => new BlobContainerClientFactory(
            provider.GetRequiredService<TokenCredential>(),
            GuardedTransport.Create(provider.GetService<IOptions<WebhookOptions>>()?.Value.AllowPrivateNetworks ?? false)));
        services.TryAddSingleton<InferenceLogReader>();
        return services;
    }
}
