namespace GapMonitor.Core.Sweeping;

public sealed record EvaluationOutcome(int Opened, int Escalated, int Resolved, bool Conflict, int Notifications = 0);
