using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.ActionLinks;

/// <summary>The lines every action link page starts with: which system, whose, and the alert when there is one.</summary>
public static class ActionLinkSystemFacts
{
    public static List<ActionLinkFact> Of(MonitoredSystem system, DateTimeOffset now, Alert? alert = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var facts = new List<ActionLinkFact>
        {
            new("System", $"{system.Name} ({system.Id})"),
            new("Vendor", system.Vendor),
            new("Customer", system.Customer),
            new("Operations owner", system.OperationsOwnerAt(now).ToString().ToLowerInvariant()),
        };
        if (alert is not null)
        {
            facts.Add(new("Alert", $"{alert.Kind}, {alert.State.ToString().ToLowerInvariant()} since {HumanTime.Format(alert.OpenedAt)}"));
            facts.Add(new("Summary", alert.Summary));
        }

        return facts;
    }
}
