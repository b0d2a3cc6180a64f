namespace GapMonitor.Core.Notifications;

/// <summary>Event type strings of webhook and email notifications.</summary>
public static class NotificationTypes
{
    public const string Opened = "alert.opened";
    public const string Reminder = "alert.reminder";
    public const string Escalated = "alert.escalated";
    public const string Acknowledged = "alert.acknowledged";
    public const string Resolved = "alert.resolved";
    public const string HandoverStarted = "handover.started";
    public const string HandoverGraceEnding = "handover.grace-ending";
    public const string HandoverCompleted = "handover.completed";
    public const string OwnershipConfirmed = "ownership.confirmed";
    public const string SilenceCreated = "silence.created";
}
