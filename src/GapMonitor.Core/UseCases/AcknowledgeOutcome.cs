namespace GapMonitor.Core.UseCases;

public enum AcknowledgeOutcome
{
    Acknowledged,
    AlreadyAcknowledged,
    AlreadyResolved,
    NotFound,
}
