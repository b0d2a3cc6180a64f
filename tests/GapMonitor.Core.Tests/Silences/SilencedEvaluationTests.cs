using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Silences;

/// <summary>While a silence covers a system and kind, alerts open and resolve but nobody hears of them until it ends.</summary>
public class SilencedEvaluationTests
{
    private const string VendorEmail = "ops@modelworks.example";
    private const string CustomerEmail = "ml@acme.example";
    private const string CustomerHook = "https://hooks.acme.example/gapmonitor";
    private static readonly TimeSpan AckWithin = TimeSpan.FromHours(4);
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Down = SystemBuilder.Epoch + UntilDown;

    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly AlertTransitions _transitions;
    private readonly SystemEvaluator _evaluator;

    public SilencedEvaluationTests()
    {
        _transitions = new AlertTransitions(new IdGenerator(_time));
        _evaluator = new SystemEvaluator(_transitions);
    }

    [Fact]
    public void Evaluate_WhenASilenceCoversTheKind_OpensTheAlertSilencedAndNotifiesNobody()
    {
        var system = Handed(Window(AlertKinds.MonitoringSilent, SystemBuilder.Epoch, Down + TimeSpan.FromHours(6)));
        _time.SetUtcNow(Down);

        var changes = Evaluate(system);

        var opened = Assert.Single(changes.CreatedAlerts);
        Assert.True(opened.Silenced);
        Assert.Empty(opened.NotifiedParties);
        Assert.Empty(changes.Notifications);
        Assert.Equal("alert.opened", Assert.Single(changes.Audit).Action);
    }

    [Fact]
    public void Evaluate_WhenTheSilenceCoversOtherKinds_NotifiesAsUsual()
    {
        var system = Handed(Window(AlertKinds.DriftDetected, SystemBuilder.Epoch, Down + TimeSpan.FromHours(6)));
        _time.SetUtcNow(Down);

        var changes = Evaluate(system);

        Assert.False(Assert.Single(changes.CreatedAlerts).Silenced);
        AssertNotified(changes, NotificationTypes.Opened, (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook));
    }

    [Fact]
    public void Evaluate_CoversFromStartsAtUpToButNotIncludingEndsAt()
    {
        var window = Window(AlertKinds.MonitoringSilent, Down, Down + TimeSpan.FromHours(1));

        Assert.False(Handed(window).IsSilenced(AlertKinds.MonitoringSilent, Down - TimeSpan.FromTicks(1)));
        Assert.True(Handed(window).IsSilenced(AlertKinds.MonitoringSilent, Down));
        Assert.True(Handed(window).IsSilenced(AlertKinds.MonitoringSilent, window.EndsAt - TimeSpan.FromTicks(1)));
        Assert.False(Handed(window).IsSilenced(AlertKinds.MonitoringSilent, window.EndsAt));

        _time.SetUtcNow(Down);
        Assert.True(Assert.Single(Evaluate(Handed(window)).CreatedAlerts).Silenced);
    }

    [Fact]
    public void Evaluate_WhileSilenced_EscalationAndRemindersStandStill_AndTheHeldBackOpeningGoesOutWhenTheSilenceEnds()
    {
        var endsAt = Down + TimeSpan.FromDays(2);
        var system = Handed(Window(AlertKinds.MonitoringSilent, SystemBuilder.Epoch, endsAt));
        _time.SetUtcNow(Down);
        var opened = Assert.Single(Evaluate(system).CreatedAlerts);

        // Far past the escalation and the daily reminder: nothing, as long as the silence lasts.
        _time.SetUtcNow(endsAt - TimeSpan.FromTicks(1));
        Assert.True(Evaluate(system, opened).IsEmpty);

        _time.SetUtcNow(endsAt);
        var ended = Evaluate(system, opened);
        var unsilenced = Assert.Single(ended.UpdatedAlerts);
        Assert.False(unsilenced.Silenced);
        Assert.Equal([Party.Customer], unsilenced.NotifiedParties);
        Assert.Equal(endsAt, unsilenced.UnsilencedAt);
        AssertNotified(ended, NotificationTypes.Opened, (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook));
        Assert.All(ended.Notifications, n => Assert.Equal(ReminderReasons.SilenceEnded, NotificationEnvelope.FromJson(n.Body).Data.Reason));
        Assert.Contains(ended.Audit, a => a.Action == "alert.silence-ended");
        Assert.Contains(ended.Audit, a => a.Action == "silence.ended");
        Assert.Empty(ended.UpdatedSystem!.Silences);

        // Evaluating the same (or the updated) alert again sends nothing more; escalation counts from the end of the silence.
        var afterwards = ended.UpdatedSystem with { };
        Assert.True(Evaluate(afterwards, unsilenced).IsEmpty);
        _time.SetUtcNow(endsAt + AckWithin - TimeSpan.FromTicks(1));
        Assert.True(Evaluate(afterwards, unsilenced).IsEmpty);
        _time.SetUtcNow(endsAt + AckWithin);
        var escalation = Evaluate(afterwards, unsilenced);
        Assert.NotNull(Assert.Single(escalation.UpdatedAlerts).EscalatedAt);
        AssertNotified(escalation, NotificationTypes.Escalated, (Party.Vendor, VendorEmail));
    }

    [Fact]
    public void Evaluate_AnAlertNotifiedBeforeTheSilence_IsMarkedSilencedQuietly_AndRemindedWhenItEnds()
    {
        _time.SetUtcNow(Down);
        var opened = Assert.Single(Evaluate(Handed()).CreatedAlerts);
        var endsAt = Down + TimeSpan.FromDays(3);
        var system = Handed(Window(AlertKinds.MonitoringSilent, Down + TimeSpan.FromMinutes(10), endsAt));

        _time.SetUtcNow(Down + TimeSpan.FromMinutes(10));
        var marking = Evaluate(system, opened);
        var silenced = Assert.Single(marking.UpdatedAlerts);
        Assert.True(silenced.Silenced);
        Assert.Empty(marking.Notifications);
        Assert.Equal("alert.silenced", Assert.Single(marking.Audit).Action);

        _time.SetUtcNow(endsAt - TimeSpan.FromTicks(1));
        Assert.True(Evaluate(system, silenced).IsEmpty);

        _time.SetUtcNow(endsAt);
        var ended = Evaluate(system, silenced);
        AssertNotified(ended, NotificationTypes.Reminder, (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook));
        Assert.All(ended.Notifications, n => Assert.Equal(ReminderReasons.SilenceEnded, NotificationEnvelope.FromJson(n.Body).Data.Reason));
    }

    [Fact]
    public void Evaluate_AResolutionWhileSilenced_SendsNothing()
    {
        _time.SetUtcNow(Down);
        var opened = Assert.Single(Evaluate(Handed()).CreatedAlerts);
        var back = new SystemBuilder()
            .WithEmail(Party.Vendor, VendorEmail).WithEmail(Party.Customer, CustomerEmail).WithWebhook(Party.Customer, CustomerHook)
            .AcknowledgeWithin(AckWithin).WithLastHeartbeat(Down + TimeSpan.FromMinutes(1)).Build()
            with
        { Silences = [Window(AlertKinds.MonitoringSilent, Down, Down + TimeSpan.FromHours(1))] };

        _time.SetUtcNow(Down + TimeSpan.FromMinutes(2));
        var changes = Evaluate(back, opened with { Silenced = true });

        var resolved = Assert.Single(changes.UpdatedAlerts);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.True(resolved.Silenced);
        Assert.Empty(changes.Notifications);
    }

    [Fact]
    public void Acknowledge_WhileSilenced_WorksAndNotifiesNobody()
    {
        _time.SetUtcNow(Down);
        var opened = Assert.Single(Evaluate(Handed()).CreatedAlerts);
        var system = Handed(Window(AlertKinds.MonitoringSilent, Down, Down + TimeSpan.FromHours(1)));

        var acknowledged = _transitions.Acknowledge(system, opened with { Silenced = true }, "dana", null, Down + TimeSpan.FromMinutes(1), "customer:acme");

        Assert.Equal(AlertState.Acknowledged, acknowledged.Alert.State);
        Assert.Empty(acknowledged.Notifications);
    }

    [Fact]
    public void Evaluate_ASilenceThatEnded_LeavesTheSystemRowWithAnAuditEntry()
    {
        var endsAt = SystemBuilder.Epoch + TimeSpan.FromMinutes(10);
        var keep = Window(AlertKinds.DriftDetected, SystemBuilder.Epoch, SystemBuilder.Epoch + TimeSpan.FromDays(1));
        var system = Handed(Window(AlertKinds.DriftDetected, SystemBuilder.Epoch, endsAt), keep);

        _time.SetUtcNow(endsAt - TimeSpan.FromTicks(1));
        Assert.True(Evaluate(system).IsEmpty);

        _time.SetUtcNow(endsAt);
        var changes = Evaluate(system);

        Assert.Equal([keep], changes.UpdatedSystem!.Silences);
        Assert.Equal("silence.ended", Assert.Single(changes.Audit).Action);
    }

    private static SilenceWindow Window(string kind, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        new($"acme-churn.{Guid.NewGuid():N}", [kind], startsAt, endsAt);

    private static MonitoredSystem Handed(params SilenceWindow[] silences) => new SystemBuilder()
        .WithEmail(Party.Vendor, VendorEmail)
        .WithEmail(Party.Customer, CustomerEmail)
        .WithWebhook(Party.Customer, CustomerHook)
        .AcknowledgeWithin(AckWithin)
        .WithLastHeartbeat(SystemBuilder.Epoch)
        .Build() with
    { Silences = silences };

    private SystemChangeSet Evaluate(MonitoredSystem system, params Alert[] active) => _evaluator.Evaluate(system, active, _time.GetUtcNow());

    private static void AssertNotified(SystemChangeSet changes, string type, params (Party Party, string Target)[] expected)
    {
        Assert.All(changes.Notifications, n => Assert.Equal(type, n.Type));
        Assert.Equal(expected.Order(), changes.Notifications.Select(n => (n.Party, n.Target)).Order());
    }
}
