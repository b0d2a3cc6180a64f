namespace GapMonitor.Core.Systems;

public enum HeartbeatStatus
{
    Ok,
    Fail,
}
