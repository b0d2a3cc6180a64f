namespace GapMonitor.Core.Alerts;

public enum AcknowledgeOutcome
{
    Acknowledged,
    AlreadyAcknowledged,
    AlreadyResolved,
    NotFound,
}
