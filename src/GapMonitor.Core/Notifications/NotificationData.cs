namespace GapMonitor.Core.Notifications;

/// <param name="Reason">Why a reminder was sent when it is not the periodic one (see <see cref="ReminderReasons"/>).</param>
public sealed record NotificationData(AlertSnapshot Alert, SystemSnapshot System, string? Reason = null);
