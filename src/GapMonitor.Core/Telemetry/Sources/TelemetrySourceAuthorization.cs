using GapMonitor.Core.Abstractions;
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
        if (system.Telemetry is not { HasSources: true } telemetry)
        {
            return [];
        }

        var listed = NeedsList(telemetry) ? await store.GetAsync(system.Customer, cancellationToken) : null;
        return Refusals(system, existing, callerIsAdmin, listed, network.AllowPrivateNetworks);
    }

    /// <summary>Why the inference log of <paramref name="system"/> may not be read now, or null.</summary>
    public async Task<SourceRefusal?> CheckInferenceLogAsync(MonitoredSystem system, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.Telemetry?.InferenceLog is not { } log)
        {
            return null;
        }

        var listed = ContainerAddress.HasSas(log.ContainerUri) ? null : await store.GetAsync(system.Customer, cancellationToken);
        return ContainerRefusal(system, log.ContainerUri, listed, network.AllowPrivateNetworks);
    }

    /// <summary>Why the Log Analytics workspace of <paramref name="system"/> may not be queried now, or null.</summary>
    public async Task<SourceRefusal?> CheckWorkspaceAsync(MonitoredSystem system, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.Telemetry?.LogAnalytics is not { } workspace)
        {
            return null;
        }

        return WorkspaceRefusal(system, workspace.WorkspaceId, await store.GetAsync(system.Customer, cancellationToken));
    }

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
