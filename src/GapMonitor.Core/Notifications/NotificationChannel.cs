namespace GapMonitor.Core.Notifications;

public enum NotificationChannel
{
    Email,
    Webhook,
}
