using GapMonitor.Core.ActionLinks;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Evaluation;

/// <summary>
/// Everything one decision changes on one system. A store applies each alert change together with its notifications
/// and audit entry, atomically; the whole set in one transaction when it fits (see the storage README for larger sets).
/// </summary>
public sealed class SystemChangeSet(string systemId)
{
    private readonly List<Alert> _created = [];
    private readonly List<Alert> _updated = [];
    private readonly List<Notification> _notifications = [];
    private readonly List<AuditEntry> _audit = [];
    private readonly List<AlertTransition> _transitions = [];
    private readonly List<AuditEntry> _otherAudit = [];
    private readonly List<SystemNotice> _notices = [];
    private readonly List<Silence> _silences = [];
    private readonly List<UsedActionLink> _usedLinks = [];

    public string SystemId { get; } = systemId;

    /// <summary>New alerts; the store refuses a second active alert of the same kind.</summary>
    public IReadOnlyList<Alert> CreatedAlerts => _created;

    /// <summary>Changed alerts carrying the ETag they were read with.</summary>
    public IReadOnlyList<Alert> UpdatedAlerts => _updated;

    public IReadOnlyList<Notification> Notifications => _notifications;

    public IReadOnlyList<AuditEntry> Audit => _audit;

    /// <summary>The alert changes, each with its own notifications and audit entry: the unit a store never splits.</summary>
    public IReadOnlyList<AlertTransition> Transitions => _transitions;

    /// <summary>Audit entries that belong to no alert change.</summary>
    public IReadOnlyList<AuditEntry> OtherAudit => _otherAudit;

    /// <summary>Notices about the system, each with its audit entry; written in the first transaction, with <see cref="UpdatedSystem"/>.</summary>
    public IReadOnlyList<SystemNotice> Notices => _notices;

    /// <summary>
    /// The system row as this decision leaves it (e.g. remembering a notice was sent), replaced under the ETag it was
    /// read with; null when the decision changes only alerts.
    /// </summary>
    public MonitoredSystem? UpdatedSystem { get; private set; }

    /// <summary>Silence rows created or changed (inserted or replaced), written in the first transaction, with <see cref="UpdatedSystem"/>.</summary>
    public IReadOnlyList<Silence> Silences => _silences;

    /// <summary>Action links this change uses up; written in the first transaction, where a second use conflicts.</summary>
    public IReadOnlyList<UsedActionLink> UsedLinks => _usedLinks;

    public bool IsEmpty => _created.Count == 0 && _updated.Count == 0 && _notifications.Count == 0 && _audit.Count == 0 && UpdatedSystem is null && _silences.Count == 0 && _usedLinks.Count == 0;

    public void Add(AlertTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        (transition.IsNew ? _created : _updated).Add(transition.Alert);
        _notifications.AddRange(transition.Notifications);
        _audit.Add(transition.Audit);
        _transitions.Add(transition);
    }

    public void Add(SystemNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        _notifications.AddRange(notice.Notifications);
        _audit.Add(notice.Audit);
        _notices.Add(notice);
    }

    /// <summary>Replaces the system row written with this change set; the ETag it carries guards the write.</summary>
    public void UpdateSystem(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.Id != SystemId)
        {
            throw new ArgumentException($"The change set is for {SystemId}, not {system.Id}.", nameof(system));
        }

        UpdatedSystem = system;
    }

    public void Save(Silence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        _silences.Add(silence);
    }

    public void AddAudit(AuditEntry entry)
    {
        _audit.Add(entry);
        _otherAudit.Add(entry);
    }

    /// <summary>
    /// Marks an action link used, in the same transaction as the change it makes: the store inserts the marker, so a
    /// second use of the link fails the whole transaction (<see cref="Concurrency.ConcurrencyConflictException"/>).
    /// </summary>
    public void MarkLinkUsed(UsedActionLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.SystemId != SystemId)
        {
            throw new ArgumentException($"The change set is for {SystemId}, not {link.SystemId}.", nameof(link));
        }

        _usedLinks.Add(link);
    }
}
