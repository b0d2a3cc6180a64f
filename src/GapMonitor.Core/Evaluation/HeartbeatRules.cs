using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Evaluation;

public static class HeartbeatRules
{
    /// <summary>
    /// The moment silence is measured from: the latest heartbeat, or, before the first one, handover or
    /// registration, whichever is later — silence since handover is itself the gap.
    /// </summary>
    public static DateTimeOffset SilenceStartedAt(MonitoredSystem system) =>
        system.Signals.LastHeartbeatAt
        ?? (system.HandoverAt > system.RegisteredAt ? system.HandoverAt : system.RegisteredAt);

    /// <summary>The heartbeat state at <paramref name="now"/>; boundaries belong to the earlier state ("past" means strictly after).</summary>
    public static HeartbeatState StateAt(MonitoredSystem system, DateTimeOffset now)
    {
        var since = SilenceStartedAt(system);
        var silence = now - since;
        var period = system.Monitoring.HeartbeatPeriod;
        if (silence > period + system.Monitoring.HeartbeatGrace)
        {
            return HeartbeatState.Down;
        }

        if (silence > period)
        {
            return HeartbeatState.Late;
        }

        return system.Signals.LastHeartbeatAt is null ? HeartbeatState.New : HeartbeatState.Up;
    }

    /// <summary>When the system goes down if nothing arrives.</summary>
    public static DateTimeOffset DownAfter(MonitoredSystem system) =>
        SilenceStartedAt(system) + system.Monitoring.HeartbeatPeriod + system.Monitoring.HeartbeatGrace;
}
