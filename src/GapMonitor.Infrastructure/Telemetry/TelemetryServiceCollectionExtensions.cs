using Azure.Core;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry.Sources;
using GapMonitor.Infrastructure.Identity;
using GapMonitor.Infrastructure.LogAnalytics;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using GapMonitor.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The pull step: data-collector reader and Log Analytics client, both as the service's managed identity.</summary>
    public static IServiceCollection AddGapMonitorTelemetry(this IServiceCollection services)
    {
        services.TryAddSingleton<BlobPerformanceReferences>();
        services.TryAddSingleton<IPerformanceReferences>(provider => provider.GetRequiredService<BlobPerformanceReferences>());
        services.AddSingleton<Core.Telemetry.DriftWindowCloser>();
        services.AddSingleton<Core.Telemetry.TelemetryIngestion>();
        services.AddSingleton<Core.Telemetry.TelemetryPush>();
        services.TryAddSingleton<BlobPushedTelemetryLog>();
        services.TryAddSingleton<IPushedTelemetryLog>(provider => provider.GetRequiredService<BlobPushedTelemetryLog>());
        services.AddSingleton<PushedTelemetryFold>();
        services.AddSingleton<Core.Telemetry.MetricIngestion>();
        services.AddSingleton<Core.Telemetry.ReferenceDatasets>();
        services.AddSingleton<IPendingPredictionStore, BlobPendingPredictionStore>();
        services.AddSingleton<Core.Performance.LabelIngestion>();
        services.AddSingleton<Core.Status.SystemStatusQuery>();
        services.TryAddSingleton(provider => new OutboundNetworkOptions(provider.GetService<IOptions<WebhookOptions>>()?.Value.AllowPrivateNetworks ?? false));
        services.AddSingleton<TelemetrySourceAuthorization>();
        services.AddSingleton<Core.Systems.SystemRegistry>();
        services.AddGapMonitorCredential();
        services.AddInferenceLogReader();
        services.TryAddSingleton(provider => new LogAnalyticsQueryClient(
            provider.GetRequiredService<TokenCredential>(),
            new LogAnalyticsClientOptions
            {
                Transport = GuardedTransport.Create(provider.GetService<IOptions<WebhookOptions>>()?.Value.AllowPrivateNetworks ?? false),
            }));
        services.TryAddSingleton<BlobCollector>();
        services.AddSingleton<TelemetryPuller>();
        services.AddSingleton<ITelemetryPuller>(provider => provider.GetRequiredService<TelemetryPuller>());
        return services;
    }
}
