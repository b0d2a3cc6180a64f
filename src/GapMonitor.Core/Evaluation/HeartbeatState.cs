namespace GapMonitor.Core.Evaluation;

/// <summary>Where a system's monitoring stands at a given moment.</summary>
public enum HeartbeatState
{
    /// <summary>No heartbeat yet, and the first-signal deadline has not passed.</summary>
    New,

    /// <summary>The latest heartbeat is no older than the heartbeat period.</summary>
    Up,

    /// <summary>Past the period, within the grace.</summary>
    Late,

    /// <summary>Past period + grace: monitoring has gone silent.</summary>
    Down,
}
