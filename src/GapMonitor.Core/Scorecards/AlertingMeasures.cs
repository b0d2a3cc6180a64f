using GapMonitor.Core.Notifications;

namespace GapMonitor.Core.Scorecards;

/// <summary>
/// Continuous alerting, over the notifications created in the period: how many were given up (every retry failed) and
/// the share of those settled that were delivered.
/// </summary>
public static class AlertingMeasures
{
    public const string DeliveriesGivenUp = "deliveries-given-up";
    public const string DeliverySuccessShare = "delivery-success-share";
    public const double GivenUpTarget = 0;
    public const double SuccessShareTarget = 1;

    public static IEnumerable<ScorecardMeasure> Measure(ScorecardPeriod period, ScorecardHistory history)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(history);
        var notifications = history.Deliveries;
        var cap = Measures.CapNote(history.DeliveriesCapped, ScorecardHistoryReader.DeliveryCap, "notifications");
        var givenUp = notifications.Count(n => n.State == NotificationState.Failed);
        var delivered = notifications.Count(n => n.State == NotificationState.Delivered);
        yield return notifications.Count == 0
            ? Measures.Of(ScorecardPractices.Alerting, DeliveriesGivenUp, null, GivenUpTarget, Measures.AtMost, Measures.Count, "No notification was sent in the period.")
            : Measures.Of(ScorecardPractices.Alerting, DeliveriesGivenUp, givenUp, GivenUpTarget, Measures.AtMost, Measures.Count,
                $"{givenUp} of {notifications.Count} notification(s) created in the period were given up after every retry failed.{cap}");
        yield return delivered + givenUp == 0
            ? Measures.Of(ScorecardPractices.Alerting, DeliverySuccessShare, null, SuccessShareTarget, Measures.AtLeast, Measures.Share, "No notification of the period is settled (delivered or given up) yet.")
            : Measures.Of(ScorecardPractices.Alerting, DeliverySuccessShare, delivered / (double)(delivered + givenUp), SuccessShareTarget, Measures.AtLeast, Measures.Share,
                $"{delivered} of {delivered + givenUp} settled notification(s) were delivered; {notifications.Count - delivered - givenUp} still pending.{cap}");
    }
}
