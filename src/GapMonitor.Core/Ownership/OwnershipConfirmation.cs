using GapMonitor.Core.Alerts;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Ownership;

/// <summary>
/// The customer confirms it runs operations. The confirmation, its audit entry, the <c>ownership.confirmed</c> notice to
/// both parties and the resolution of an open <c>ownership-unconfirmed</c> alert are written in one transaction with the
/// system row (under its ETag: a concurrent sweep or signal makes it read again and retry).
/// </summary>
public sealed class OwnershipConfirmation(ISystemStore store, AlertTransitions transitions, TimeProvider timeProvider)
{

    /// <summary>
    /// Through the API: a customer key of the system's customer, or admin. A vendor key may not confirm on the customer's
    /// behalf, and neither may a customer key a vendor minted.
    /// </summary>
    public Task<OwnershipConfirmationResult> ConfirmAsync(Principal principal, string systemId, string? by, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return RunAsync(systemId, by ?? principal.Name, note, principal.Name, system =>
        {
            if (!principal.CanSee(system))
            {
                return OwnershipConfirmationOutcome.NotFound;
            }

            return principal.Role == Role.Admin || (principal.Role == Role.Customer && principal.Vendor is null)
                ? null
                : OwnershipConfirmationOutcome.Forbidden;
        }, alsoWrite: null, cancellationToken);
    }

    /// <summary>
    /// For a caller already authorised some other way (e.g. an action link sent to a customer contact): <paramref name="by"/>
    /// and <paramref name="actor"/> are typically the link's recipient. <paramref name="alsoWrite"/> adds to the change
    /// set before it is written (e.g. marking the link used in the same transaction); it runs again on each retry.
    /// </summary>
    public Task<OwnershipConfirmationResult> ConfirmAsync(
        string systemId,
        string by,
        string? note,
        string actor,
        Action<SystemChangeSet>? alsoWrite = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(systemId, by, note, actor, _ => null, alsoWrite, cancellationToken);

    private Task<OwnershipConfirmationResult> RunAsync(
        string systemId,
        string by,
        string? note,
        string actor,
        Func<MonitoredSystem, OwnershipConfirmationOutcome?> refuse,
        Action<SystemChangeSet>? alsoWrite,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(systemId);
        ArgumentException.ThrowIfNullOrEmpty(by);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        return ConflictRetry.RunAsync(async () =>
        {
            var current = await store.GetAsync(systemId, cancellationToken);
            if (current is null)
            {
                return new OwnershipConfirmationResult(OwnershipConfirmationOutcome.NotFound);
            }

            if (refuse(current.System) is { } refusal)
            {
                return new OwnershipConfirmationResult(refusal);
            }

            if (current.System.IsRetired)
            {
                return new OwnershipConfirmationResult(OwnershipConfirmationOutcome.Retired);
            }

            var now = timeProvider.GetUtcNow();
            var changes = Confirm(current, new OwnershipConfirmationRecord(now, by, actor, note), now);
            alsoWrite?.Invoke(changes);
            await store.ApplyAsync(changes, cancellationToken: cancellationToken);
            return new OwnershipConfirmationResult(OwnershipConfirmationOutcome.Confirmed, changes.UpdatedSystem);
        });
    }

    private SystemChangeSet Confirm(SystemWithAlerts current, OwnershipConfirmationRecord confirmation, DateTimeOffset now)
    {
        var system = current.System;
        var confirmed = system with { Handover = (system.Handover ?? new HandoverProgress { TrackedSince = now }).WithConfirmation(confirmation) };
        var changes = new SystemChangeSet(system.Id);
        changes.UpdateSystem(confirmed);
        var envelope = new NotificationEnvelope(NotificationTypes.OwnershipConfirmed, now, HandoverTexts.Confirmed(confirmed, confirmation, now));
        changes.Add(transitions.Notice(confirmed, Parties.Both, envelope, confirmation.Actor, NotificationTypes.OwnershipConfirmed, envelope.Data.Message));
        if (current.ActiveAlerts.FirstOrDefault(a => a.Kind == AlertKinds.OwnershipUnconfirmed && a.IsActive) is { } unconfirmed)
        {
            changes.Add(transitions.Resolve(confirmed, unconfirmed, $"Ownership confirmed by {confirmation.By} at {HumanTime.Format(now)}.", now, confirmation.Actor));
        }

        return changes;
    }
}
