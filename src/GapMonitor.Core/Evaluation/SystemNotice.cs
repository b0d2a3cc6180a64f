using GapMonitor.Core.Audit;
using GapMonitor.Core.Notifications;

namespace GapMonitor.Core.Evaluation;

/// <summary>
/// A notice about the system rather than one alert (handover, silence, contact test): its notifications and the audit
/// entry that records it, written together with the system row that remembers it was sent.
/// </summary>
public sealed record SystemNotice(IReadOnlyList<Notification> Notifications, AuditEntry Audit);
