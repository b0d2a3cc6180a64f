namespace GapMonitor.Core.Notifications;

public enum NotificationState
{
    Pending,
    Delivered,
    Failed,
}
