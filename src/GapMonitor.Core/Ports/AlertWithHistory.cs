using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;

namespace GapMonitor.Core.Ports;

public sealed record AlertWithHistory(Alert Alert, IReadOnlyList<Notification> Notifications, IReadOnlyList<NotificationAttempt> Attempts);
