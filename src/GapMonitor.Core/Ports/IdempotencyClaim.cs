namespace GapMonitor.Core.Ports;

public enum IdempotencyClaim
{
    /// <summary>First time this key is seen: run the request.</summary>
    Claimed,

    /// <summary>A request with this key is still running.</summary>
    InProgress,

    /// <summary>Already answered: return the stored response.</summary>
    Completed,
}
