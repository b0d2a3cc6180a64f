using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry.Sources;

namespace GapMonitor.Core.Systems;

/// <summary>
/// Registers, changes and retires systems: where the service would connect for a system is checked before it is
/// stored, every change is audited under the caller's name, and a taken id gets one answer whoever holds it.
/// </summary>
public sealed class SystemRegistry(
    ISystemStore store,
    TelemetrySourceAuthorization sourceAuthorization,
    OutboundNetworkOptions network,
    IdGenerator ids,
    TimeProvider timeProvider,
    RecentSystems? recentSystems = null)
{
    /// <summary>How often a write is tried again because only the system's signals changed under it.</summary>
    private const int MaxSignalRetries = 3;

    /// <summary>An id nobody can guess, for a registration that names none.</summary>
    public string NewSystemId() => $"sys-{ids.NewId()[^12..]}";

    /// <summary>Why the service may not connect where <paramref name="system"/> points: webhooks it cannot deliver to, telemetry it may not read.</summary>
    public async Task<IReadOnlyList<SourceRefusal>> CheckOutboundAsync(MonitoredSystem system, MonitoredSystem? existing, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(principal);
        var refusals = new List<SourceRefusal>();
        for (var i = 0; i < system.Contacts.Count; i++)
        {
            if (system.Contacts[i].Webhook is { } webhook && WebhookUrlRule.RefusalReason(webhook.Url, network.AllowPrivateNetworks) is { } reason)
            {
                refusals.Add(new SourceRefusal($"contacts[{i}].webhook.url", reason));
            }
        }

        refusals.AddRange(await sourceAuthorization.CheckRegistrationAsync(system, existing, principal.Role == Role.Admin, cancellationToken));
        return refusals;
    }

    /// <summary>Stores a new system with a fresh ingest key (returned once, stored as a hash); null when the id is taken.</summary>
    public async Task<(MonitoredSystem System, string IngestKey)?> RegisterAsync(MonitoredSystem system, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(principal);
        var ingestKey = ApiKeyFormat.NewIngestKey(system.Id);
        var withKey = system with { IngestKeyHash = ApiKeyFormat.Hash(ingestKey), ConfigVersion = ids.NewId() };
        try
        {
            var stored = await store.CreateAsync(withKey, Audit(system.Id, principal, "system.registered", system.Name), cancellationToken);
            return (stored, ingestKey);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces the configuration of a system read at <see cref="MonitoredSystem.ConfigVersion"/> and gives it a new
    /// version. Signals written meanwhile are read again and kept; null when its configuration changed meanwhile (or
    /// its signals kept changing).
    /// </summary>
    public async Task<MonitoredSystem?> UpdateAsync(MonitoredSystem system, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(principal);
        var next = system with { ConfigVersion = ids.NewId() };
        var isRetry = false;
        try
        {
            return await ConflictRetry.RunAsync(
                async () =>
                {
                    if (isRetry)
                    {
                        if ((await store.GetAsync(system.Id, cancellationToken))?.System is not { } reread || reread.ConfigVersion != system.ConfigVersion)
                        {
                            return null;
                        }

                        next = next with { Signals = reread.Signals, IngestKeyHash = reread.IngestKeyHash, Handover = reread.Handover, Silences = reread.Silences, ETag = reread.ETag };
                    }

                    isRetry = true;
                    return await store.UpdateAsync(next, Audit(system.Id, principal, "system.updated"), cancellationToken);
                },
                MaxSignalRetries);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
        finally
        {
            // Written or failed: this process reads the system from storage again.
            recentSystems?.Forget(system.Id);
        }
    }

    /// <summary>
    /// Gives the system a new ingest key (returned once, stored as a hash): the previous one stops working with this write.
    /// The system is read again when its signals changed meanwhile; null when it is not in the caller's scope, or kept changing.
    /// </summary>
    public async Task<string?> RotateIngestKeyAsync(MonitoredSystem system, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(principal);
        var current = system;
        var isRetry = false;
        try
        {
            return await ConflictRetry.RunAsync(
                async () =>
                {
                    if (isRetry)
                    {
                        if ((await store.GetAsync(current.Id, cancellationToken))?.System is not { } reread || !principal.CanSee(reread))
                        {
                            return null;
                        }

                        current = reread;
                    }

                    isRetry = true;
                    var ingestKey = ApiKeyFormat.NewIngestKey(current.Id);
                    await store.UpdateAsync(current with { IngestKeyHash = ApiKeyFormat.Hash(ingestKey) }, Audit(current.Id, principal, "system.ingest-key-rotated"), cancellationToken);
                    return ingestKey;
                },
                MaxSignalRetries);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
        finally
        {
            // Written or failed: this process reads the system from storage again.
            recentSystems?.Forget(system.Id);
        }
    }

    /// <summary>Stops monitoring and keeps the history (the next sweep resolves open alerts); false when the system changed meanwhile.</summary>
    public async Task<bool> RetireAsync(MonitoredSystem system, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(principal);
        if (system.IsRetired)
        {
            return true;
        }

        try
        {
            await store.UpdateAsync(system with { RetiredAt = timeProvider.GetUtcNow(), ConfigVersion = ids.NewId() }, Audit(system.Id, principal, "system.retired"), cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
        finally
        {
            recentSystems?.Forget(system.Id);
        }
    }

    private AuditEntry Audit(string systemId, Principal principal, string action, string? detail = null) =>
        new(ids.NewId(), systemId, timeProvider.GetUtcNow(), principal.Name, action, Detail: detail);
}
