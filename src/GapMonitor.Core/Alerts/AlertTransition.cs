using GapMonitor.Core.Audit;
using GapMonitor.Core.Notifications;

namespace GapMonitor.Core.Alerts;

/// <summary>One alert state change with the notifications and the audit entry that must be written with it.</summary>
public sealed record AlertTransition(Alert Alert, bool IsNew, IReadOnlyList<Notification> Notifications, AuditEntry Audit);
