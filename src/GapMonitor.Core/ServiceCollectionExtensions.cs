using GapMonitor.Core.ActionLinks;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Fleet;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Observability;
using GapMonitor.Core.Ownership;
using GapMonitor.Core.Scorecards;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Rules and use cases. Storage and channels come from the infrastructure registration.</summary>
    public static IServiceCollection AddGapMonitorCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<GapMonitorMetrics>();
        services.TryAddSingleton(RetrySchedule.Default);
        services.TryAddSingleton(SweepSettings.Default);
        services.AddSingleton<IdGenerator>();
        services.AddSingleton<NotificationFanOut>();
        services.AddSingleton<AlertTransitions>();
        services.AddSingleton<SystemEvaluator>();
        services.AddSingleton<SystemEvaluation>();
        services.AddSingleton<UnreachableContactRules>();
        services.AddSingleton<ContactReachability>();
        services.AddSingleton<ContactTest>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<SweepService>();
        services.AddSingleton(sp => new Sweeping.Shards.SweepTick(
            sp.GetRequiredService<SweepService>(), sp.GetRequiredService<ILogger<Sweeping.Shards.SweepTick>>(), sp.GetService<Sweeping.Shards.SweepFanOut>()));
        services.AddSingleton<SystemSignals>();
        services.AddSingleton<SignalIngestion>();
        services.AddSingleton<AlertAcknowledgement>();
        services.AddSingleton<OwnershipConfirmation>();
        services.AddSingleton<SystemScope>();
        services.AddSingleton<RecentSystems>();
        services.AddSingleton<FleetQuery>();
        services.AddSingleton<ScorecardHistoryReader>();
        services.AddSingleton<ScorecardQuery>();
        services.AddSingleton<SilenceNotices>();
        services.AddSingleton<SilenceCreation>();
        services.AddSingleton<SilenceEnding>();
        services.TryAddSingleton(new ActionLinkSettings(SigningKey: null));
        services.TryAddSingleton<Ports.IPublicBaseUrl>(new ConfiguredPublicBaseUrl(null));
        services.AddSingleton<ActionLinkSigner>();
        services.AddSingleton<ActionLinkIssuer>();
        services.AddSingleton<ActionLinkUse>();
        services.AddSingleton<IActionLinkHandler, AcknowledgeLinkHandler>();
        services.AddSingleton<IActionLinkHandler, StatusLinkHandler>();
        services.AddSingleton<IActionLinkHandler, ConfirmOwnershipLinkHandler>();
        services.AddSingleton<IActionLinkHandler, SnoozeLinkHandler>();
        return services;
    }
}
