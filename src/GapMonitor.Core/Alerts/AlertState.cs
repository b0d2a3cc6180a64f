namespace GapMonitor.Core.Alerts;

public enum AlertState
{
    Open,
    Acknowledged,
    Resolved,
}
