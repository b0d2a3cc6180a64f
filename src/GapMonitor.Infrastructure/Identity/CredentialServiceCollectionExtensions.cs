using Azure.Core;
using Azure.Identity;
using GapMonitor.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Identity;

public static class CredentialServiceCollectionExtensions
{
    /// <summary>
    /// The service's one <see cref="TokenCredential"/>: its managed identity (<see cref="StorageOptions.ManagedIdentityClientId"/>
    /// picks a user-assigned one) or, locally, whatever <see cref="DefaultAzureCredential"/> finds. It reaches the service's
    /// storage when that is configured by URI, data-collector containers without a SAS, and Log Analytics.
    /// </summary>
    public static IServiceCollection AddGapMonitorCredential(this IServiceCollection services)
    {
        services.TryAddSingleton<TokenCredential>(provider => new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = provider.GetService<IOptions<StorageOptions>>()?.Value.ManagedIdentityClientId,
        }));
        return services;
    }
}
