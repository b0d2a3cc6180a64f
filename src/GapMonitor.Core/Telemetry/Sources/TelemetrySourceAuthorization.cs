using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Telemetry.Sources;

/// <summary>
/// Keeps the service's own identity away from hosts a tenant picks. A tenant's container is read with the SAS it
/// gives (over https), never with GapMonitor's credential; a container without SAS, and any Log Analytics workspace,
/// must be on the admin's list for the system's customer (and vendor, when the list names vendors). Custom KQL runs
/// with the service's identity in the customer's workspace, so only an admin may set it.
/// Checked when a system is registered or updated, and again before every pull (the list may have changed since).
/// </summary>
public sealed class TelemetrySourceAuthorization(ICustomerSourceStore store, OutboundNetworkOptions network)
{
    public const string ContainerField = "telemetry.inferenceLog.containerUri";
    public const string WorkspaceField = "telemetry.logAnalytics.workspaceId";

    /// <summary>Why <paramref name="system"/>'s telemetry may not be registered as it is (empty when it may).</summary>
    public async Task<IReadOnlyList<SourceRefusal>> CheckRegistrationAsync(MonitoredSystem system, MonitoredSystem? existing, bool callerIsAdmin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Refusals(system, existing, callerIsAdmin, await ListForAsync(system, cancellationToken), network.AllowPrivateNetworks);
    }

    /// <summary>Why each source of <paramref name="system"/> may not be read now (null where it may), from one read of the list.</summary>
    public async Task<(SourceRefusal? InferenceLog, SourceRefusal? Workspace)> CheckPullAsync(MonitoredSystem system, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        var listed = await ListForAsync(system, cancellationToken);
        return (
            system.Telemetry?.InferenceLog is { } log ? ContainerRefusal(system, log.ContainerUri, listed, network.AllowPrivateNetworks) : null,
            system.Telemetry?.LogAnalytics is { } workspace ? WorkspaceRefusal(system, workspace.WorkspaceId, listed) : null);
    }

    /// <summary>The customer's list, read only when a source needs it (a SAS container alone does not).</summary>
    private async Task<CustomerSources?> ListForAsync(MonitoredSystem system, CancellationToken cancellationToken) =>
        system.Telemetry is { } telemetry && NeedsList(telemetry) ? await store.GetAsync(system.Customer, cancellationToken) : null;

    public static IReadOnlyList<SourceRefusal> Refusals(MonitoredSystem system, MonitoredSystem? existing, bool callerIsAdmin, CustomerSources? listed, bool allowPlainHttp)
    {
        ArgumentNullException.ThrowIfNull(system);
        var refusals = new List<SourceRefusal>();
        if (system.Telemetry?.InferenceLog is { } log && ContainerRefusal(system, log.ContainerUri, listed, allowPlainHttp) is { } container)
        {
            refusals.Add(container);
        }

        if (system.Telemetry?.LogAnalytics is { } workspace)
        {
            if (WorkspaceRefusal(system, workspace.WorkspaceId, listed) is { } refused)
            {
                refusals.Add(refused);
            }

            var before = existing?.Telemetry?.LogAnalytics;
            if (!callerIsAdmin && workspace.DeploymentsQuery is not null && workspace.DeploymentsQuery != before?.DeploymentsQuery)
            {
                refusals.Add(new SourceRefusal("telemetry.logAnalytics.deploymentsQuery", CustomQueryMessage));
            }

            if (!callerIsAdmin && workspace.MonitoringRunsQuery is not null && workspace.MonitoringRunsQuery != before?.MonitoringRunsQuery)
            {
                refusals.Add(new SourceRefusal("telemetry.logAnalytics.monitoringRunsQuery", CustomQueryMessage));
            }
        }

        return refusals;
    }

    private const string CustomQueryMessage =
        "A custom query runs with GapMonitor's identity in the customer's workspace, so only an admin may set it; leave it out to use the default query.";

    private static bool NeedsList(TelemetrySettings telemetry) =>
        telemetry.LogAnalytics is not null || (telemetry.InferenceLog is { } log && !ContainerAddress.HasSas(log.ContainerUri));

    private static SourceRefusal? ContainerRefusal(MonitoredSystem system, Uri containerUri, CustomerSources? listed, bool allowPlainHttp)
    {
        var secure = containerUri.Scheme == Uri.UriSchemeHttps || (allowPlainHttp && containerUri.Scheme == Uri.UriSchemeHttp);
        if (!secure)
        {
            return new SourceRefusal(ContainerField, "Telemetry is read over https only.");
        }

        if (ContainerAddress.HasSas(containerUri))
        {
            return null;
        }

        return listed is not null && listed.Serves(system.Vendor) && listed.Lists(containerUri)
            ? null
            : new SourceRefusal(
                ContainerField,
                $"Give a read-only SAS URL (with sig=). Without one the container would be read with GapMonitor's own identity, which is allowed only for containers an admin listed for customer '{system.Customer}' (PUT /api/customers/{system.Customer}/sources).");
    }

    private static SourceRefusal? WorkspaceRefusal(MonitoredSystem system, Guid workspaceId, CustomerSources? listed) =>
        listed is not null && listed.Serves(system.Vendor) && listed.Lists(workspaceId)
            ? null
            : new SourceRefusal(
                WorkspaceField,
                $"A Log Analytics workspace is queried with GapMonitor's own identity, so it must be on the list an admin keeps for customer '{system.Customer}' (PUT /api/customers/{system.Customer}/sources).");
}
