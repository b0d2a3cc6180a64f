using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Ownership;

/// <summary>When the customer's confirmation that it runs operations is due, and where it stands.</summary>
public static class OwnershipRules
{
    /// <summary>
    /// The first confirmation is due <see cref="OwnershipSettings.ConfirmWithin"/> after the handover (or the
    /// registration, or the start of tracking, whichever is latest); each later one <see cref="OwnershipSettings.ReconfirmEvery"/>
    /// after the previous confirmation.
    /// </summary>
    public static DateTimeOffset DueAt(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.Handover?.LastConfirmation is { } last)
        {
            return last.At + system.Ownership.ReconfirmEvery;
        }

        return FirstDueAt(system);
    }

    /// <summary>When the first confirmation is (or was) due: <see cref="OwnershipSettings.ConfirmWithin"/> after the clock started.</summary>
    public static DateTimeOffset FirstDueAt(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return ClockStart(system) + system.Ownership.ConfirmWithin;
    }

    public static OwnershipState StateAt(MonitoredSystem system, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (now >= DueAt(system))
        {
            return OwnershipState.Overdue;
        }

        return system.Handover?.LastConfirmation is null ? OwnershipState.Due : OwnershipState.Confirmed;
    }

    /// <summary>The moment the handover starts for the customer: handover, or registration when later.</summary>
    public static DateTimeOffset HandoverStartsAt(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.HandoverAt > system.RegisteredAt ? system.HandoverAt : system.RegisteredAt;
    }

    private static DateTimeOffset ClockStart(MonitoredSystem system)
    {
        var start = HandoverStartsAt(system);
        return system.Handover?.TrackedSince is { } tracked && tracked > start ? tracked : start;
    }
}
