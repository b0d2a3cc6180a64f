namespace GapMonitor.Core.Notifications;

public sealed record NotificationData(AlertSnapshot Alert, SystemSnapshot System);
