using System.Text.Json;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Evaluation;

/// <summary>Reminders of alerts still open and the expiry of acknowledgements that did not lead to a resolution.</summary>
public class ReminderRulesTests
{
    private const string VendorEmail = "ops@modelworks.example";
    private const string CustomerEmail = "ml@acme.example";
    private const string CustomerHook = "https://hooks.acme.example/gapmonitor";
    private static readonly TimeSpan AckWithin = TimeSpan.FromHours(4);
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly AlertTransitions _transitions;
    private readonly SystemEvaluator _evaluator;

    public ReminderRulesTests()
    {
        _transitions = new AlertTransitions(new IdGenerator(_time));
        _evaluator = new SystemEvaluator(_transitions);
    }

    [Fact]
    public void Alerting_WhenNotConfigured_RemindsDailyAndExpiresAcknowledgementsAfterThreeDays()
    {
        var system = Handed().Build();

        Assert.Equal(TimeSpan.FromDays(1), system.Alerting.RemindEvery);
        Assert.Equal(TimeSpan.FromDays(3), system.Alerting.AcknowledgementExpiresAfter);
    }

    [Fact]
    public void Evaluate_WithDefaults_RemindsEveryoneToldOneDayAfterTheEscalation()
    {
        var (system, opened) = OpenSilentAlert(Handed().Build());
        _time.SetUtcNow(opened.OpenedAt + AckWithin);
        var escalated = Assert.Single(Evaluate(system, opened).UpdatedAlerts);

        _time.SetUtcNow(escalated.EscalatedAt!.Value + TimeSpan.FromDays(1) - TimeSpan.FromTicks(1));
        Assert.True(Evaluate(system, escalated).IsEmpty);

        _time.SetUtcNow(escalated.EscalatedAt!.Value + TimeSpan.FromDays(1));
        var changes = Evaluate(system, escalated);

        var reminded = Assert.Single(changes.UpdatedAlerts);
        Assert.Equal(AlertState.Open, reminded.State);
        Assert.Equal(_time.GetUtcNow(), reminded.LastNotifiedAt);
        Assert.Equal(escalated.EscalatedAt, reminded.EscalatedAt);
        AssertNotified(changes, NotificationTypes.Reminder, (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook), (Party.Vendor, VendorEmail));
        var audit = Assert.Single(changes.Audit);
        Assert.Equal("alert.reminder", audit.Action);
        Assert.Equal(reminded.Id, audit.AlertId);
        Assert.All(changes.Notifications, n => Assert.Null(NotificationEnvelope.FromJson(n.Body).Data.Reason));
    }

    [Fact]
    public void Evaluate_RemindsEveryRemindEveryAfterTheLastNotification()
    {
        var (system, opened) = OpenSilentAlert(Handed().Build() with { Alerting = new AlertingSettings(TimeSpan.FromHours(1), TimeSpan.FromDays(3)) });

        _time.SetUtcNow(opened.OpenedAt + TimeSpan.FromMinutes(59));
        Assert.True(Evaluate(system, opened).IsEmpty);

        _time.SetUtcNow(opened.OpenedAt + TimeSpan.FromHours(1));
        var first = Evaluate(system, opened);
        var reminded = Assert.Single(first.UpdatedAlerts);
        AssertNotified(first, NotificationTypes.Reminder, (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook));

        // The same sweep again (or a second sweep that read the reminded alert) has nothing to send.
        Assert.True(Evaluate(system, reminded).IsEmpty);
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(Evaluate(system, reminded).IsEmpty);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(NotificationTypes.Reminder, Assert.Single(Evaluate(system, reminded).Notifications.Select(n => n.Type).Distinct()));
    }

    [Fact]
    public void Evaluate_WhenEscalationAndReminderAreDueTogether_SendsOnlyTheEscalation()
    {
        var (system, opened) = OpenSilentAlert(Handed().Build() with { Alerting = new AlertingSettings(TimeSpan.FromHours(2), TimeSpan.FromDays(3)) });
        _time.SetUtcNow(opened.OpenedAt + TimeSpan.FromHours(2));
        var reminded = Assert.Single(Evaluate(system, opened).UpdatedAlerts);

        _time.SetUtcNow(opened.OpenedAt + AckWithin);
        var changes = Evaluate(system, reminded);

        var escalated = Assert.Single(changes.UpdatedAlerts);
        Assert.Equal(_time.GetUtcNow(), escalated.EscalatedAt);
        Assert.Equal(_time.GetUtcNow(), escalated.LastNotifiedAt);
        AssertNotified(changes, NotificationTypes.Escalated, (Party.Vendor, VendorEmail));
        Assert.Equal("alert.escalated", Assert.Single(changes.Audit).Action);
    }

    [Fact]
    public void Evaluate_WhenAcknowledged_SendsNoReminders()
    {
        var (system, opened) = OpenSilentAlert(Handed().Build() with { Alerting = new AlertingSettings(TimeSpan.FromHours(1), TimeSpan.FromDays(3)) });
        var acknowledged = _transitions.Acknowledge(system, opened, "dana@acme.example", null, _time.GetUtcNow(), "customer:acme").Alert;

        _time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromTicks(1));

        Assert.True(Evaluate(system, acknowledged).IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenAcknowledgementExpires_ReopensRemindsWithReasonAndEscalatesAgain()
    {
        var expiresAfter = TimeSpan.FromHours(12);
        var (system, opened) = OpenSilentAlert(Handed().Build() with { Alerting = new AlertingSettings(TimeSpan.FromDays(1), expiresAfter) });
        _time.SetUtcNow(opened.OpenedAt + AckWithin);
        var escalated = Assert.Single(Evaluate(system, opened).UpdatedAlerts);
        _time.Advance(TimeSpan.FromMinutes(5));
        var acknowledgedAt = _time.GetUtcNow();
        var acknowledged = _transitions.Acknowledge(system, escalated, "dana@acme.example", "on it", acknowledgedAt, "customer:acme").Alert;

        _time.SetUtcNow(acknowledgedAt + expiresAfter - TimeSpan.FromTicks(1));
        Assert.True(Evaluate(system, acknowledged).IsEmpty);

        _time.SetUtcNow(acknowledgedAt + expiresAfter);
        var expiry = Evaluate(system, acknowledged);

        var reopened = Assert.Single(expiry.UpdatedAlerts);
        Assert.Equal(AlertState.Open, reopened.State);
        Assert.Equal(_time.GetUtcNow(), reopened.ReopenedAt);
        Assert.Equal(_time.GetUtcNow(), reopened.LastNotifiedAt);
        Assert.False(reopened.IsEscalated);
        Assert.Equal(acknowledgedAt, reopened.AcknowledgedAt);
        AssertNotified(expiry, NotificationTypes.Reminder, (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook), (Party.Vendor, VendorEmail));
        Assert.All(expiry.Notifications, n =>
        {
            var envelope = NotificationEnvelope.FromJson(n.Body);
            Assert.Equal(ReminderReasons.AcknowledgementExpired, envelope.Data.Reason);
            Assert.Equal("open", envelope.Data.Alert!.State);
            using var json = JsonDocument.Parse(n.Body);
            Assert.Equal("acknowledgement-expired", json.RootElement.GetProperty("data").GetProperty("reason").GetString());
        });
        Assert.Equal("acknowledgement-expired", Assert.Single(expiry.Audit).Action);

        // The escalation clock starts over at the reopening.
        _time.SetUtcNow(reopened.ReopenedAt!.Value + AckWithin - TimeSpan.FromTicks(1));
        Assert.True(Evaluate(system, reopened).IsEmpty);
        _time.SetUtcNow(reopened.ReopenedAt!.Value + AckWithin);
        var again = Evaluate(system, reopened);
        var reescalated = Assert.Single(again.UpdatedAlerts);
        Assert.Equal(_time.GetUtcNow(), reescalated.EscalatedAt);
        AssertNotified(again, NotificationTypes.Escalated, (Party.Vendor, VendorEmail));
    }

    [Fact]
    public void Evaluate_WhenAnOpenAlertPredatesReminderTracking_StartsItsReminderClockSilentlyOnTheFirstSweep()
    {
        var (system, opened) = OpenSilentAlert(Handed().Build() with { Alerting = new AlertingSettings(TimeSpan.FromHours(1), TimeSpan.FromDays(3)) });
        var legacy = opened with { LastNotifiedAt = null, EscalatedAt = opened.OpenedAt + AckWithin };
        _time.SetUtcNow(opened.OpenedAt + TimeSpan.FromDays(30));

        var first = Evaluate(system, legacy);

        var started = Assert.Single(first.UpdatedAlerts);
        Assert.Empty(first.Notifications);
        Assert.Equal(_time.GetUtcNow(), started.LastNotifiedAt);
        Assert.Equal("alert.follow-ups-started", Assert.Single(first.Audit).Action);
        _time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
        Assert.True(Evaluate(system, started).IsEmpty);
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(NotificationTypes.Reminder, Assert.Single(Evaluate(system, started).Notifications.Select(n => n.Type).Distinct()));
    }

    [Fact]
    public void Evaluate_WhenAnAcknowledgementPredatesExpiry_ExpiresItOnlyAfterTheFullPeriodFromTheFirstSweep()
    {
        var (system, opened) = OpenSilentAlert(Handed().Build() with { Alerting = new AlertingSettings(TimeSpan.FromHours(1), TimeSpan.FromDays(3)) });
        var acknowledged = _transitions.Acknowledge(system, opened, "dana@acme.example", null, _time.GetUtcNow(), "customer:acme").Alert with { LastNotifiedAt = null };
        _time.Advance(TimeSpan.FromDays(30));

        var started = Assert.Single(Evaluate(system, acknowledged).UpdatedAlerts);

        Assert.Equal(AlertState.Acknowledged, started.State);
        _time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromTicks(1));
        Assert.True(Evaluate(system, started).IsEmpty);
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(AlertState.Open, Assert.Single(Evaluate(system, started).UpdatedAlerts).State);
    }

    [Fact]
    public void Evaluate_SilentSummary_ShowsTimesToTheMinuteInUtc()
    {
        var (_, opened) = OpenSilentAlert(Handed().Build());

        Assert.Contains("2026-03-02 08:00 UTC", opened.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(".0000000", opened.Summary, StringComparison.Ordinal);
    }

    private SystemBuilder Handed() => new SystemBuilder()
        .WithEmail(Party.Vendor, VendorEmail)
        .WithEmail(Party.Customer, CustomerEmail)
        .WithWebhook(Party.Customer, CustomerHook)
        .AcknowledgeWithin(AckWithin)
        .WithLastHeartbeat(SystemBuilder.Epoch);

    private (MonitoredSystem System, Alert Opened) OpenSilentAlert(MonitoredSystem system)
    {
        _time.SetUtcNow(SystemBuilder.Epoch + UntilDown);
        return (system, Assert.Single(Evaluate(system).CreatedAlerts));
    }

    private SystemChangeSet Evaluate(MonitoredSystem system, params Alert[] active) => _evaluator.Evaluate(system, active, _time.GetUtcNow());

    private static void AssertNotified(SystemChangeSet changes, string type, params (Party Party, string Target)[] expected)
    {
        Assert.All(changes.Notifications, n => Assert.Equal(type, n.Type));
        Assert.Equal(expected.Order(), changes.Notifications.Select(n => (n.Party, n.Target)).Order());
    }
}
