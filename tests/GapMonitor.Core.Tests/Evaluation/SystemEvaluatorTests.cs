using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Evaluation;

public class SystemEvaluatorTests
{
    private const string VendorEmail = "ops@modelworks.example";
    private const string VendorHook = "https://hooks.modelworks.example/gapmonitor";
    private const string CustomerEmail = "ml@acme.example";
    private const string CustomerHook = "https://hooks.acme.example/gapmonitor";
    private static readonly TimeSpan AckWithin = TimeSpan.FromHours(4);
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly AlertTransitions _transitions;
    private readonly SystemEvaluator _evaluator;

    public SystemEvaluatorTests()
    {
        _transitions = new AlertTransitions(new IdGenerator(_time));
        _evaluator = new SystemEvaluator(_transitions);
    }

    [Fact]
    public void Evaluate_WhenHeartbeatIsRecent_ChangesNothing()
    {
        var system = Handed().WithLastHeartbeat(_time.GetUtcNow()).Build();
        _time.Advance(TimeSpan.FromMinutes(59));

        Assert.True(Evaluate(system).IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenLateButWithinGrace_OpensNothing()
    {
        var system = Handed().WithLastHeartbeat(_time.GetUtcNow()).Build();
        _time.Advance(TimeSpan.FromMinutes(90));

        Assert.True(Evaluate(system).IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenDown_OpensSilentAlertNotifyingOwnersContactsWithAudit()
    {
        var system = Handed().WithLastHeartbeat(_time.GetUtcNow()).Build();
        _time.Advance(UntilDown);

        var changes = Evaluate(system);

        var alert = Assert.Single(changes.CreatedAlerts);
        Assert.Equal(AlertKinds.MonitoringSilent, alert.Kind);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.Equal(_time.GetUtcNow(), alert.OpenedAt);
        Assert.Equal(Party.Customer, alert.OwnerAtOpening);
        Assert.Equal([Party.Customer], alert.NotifiedParties);
        Assert.StartsWith(system.Id + ".", alert.Id, StringComparison.Ordinal);
        Assert.Empty(changes.UpdatedAlerts);
        AssertNotified(changes, NotificationTypes.Opened, (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook));
        var audit = Assert.Single(changes.Audit);
        Assert.Equal("alert.opened", audit.Action);
        Assert.Equal(alert.Id, audit.AlertId);
        Assert.Equal(_time.GetUtcNow(), audit.At);
    }

    [Fact]
    public void Evaluate_WhenSilentAlertAlreadyActive_DoesNotOpenDuplicate()
    {
        var system = Handed().WithLastHeartbeat(_time.GetUtcNow()).Build();
        _time.Advance(UntilDown);
        var opened = Assert.Single(Evaluate(system).CreatedAlerts);
        _time.Advance(TimeSpan.FromMinutes(5));

        var second = Evaluate(system, opened);

        Assert.True(second.IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenHandoverWithinVendorGrace_NotifiesVendor()
    {
        var system = Handed().HandedOverAt(_time.GetUtcNow() - TimeSpan.FromDays(1)).WithLastHeartbeat(_time.GetUtcNow()).Build();
        _time.Advance(UntilDown);

        var changes = Evaluate(system);

        Assert.Equal(Party.Vendor, Assert.Single(changes.CreatedAlerts).OwnerAtOpening);
        AssertNotified(changes, NotificationTypes.Opened, (Party.Vendor, VendorEmail), (Party.Vendor, VendorHook));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public void Evaluate_WhenOpenAlertReachesAcknowledgeDeadline_EscalatesExactlyAtDeadline(long ticksFromDeadline, bool escalates)
    {
        var (system, opened) = OpenSilentAlert();
        _time.SetUtcNow(opened.OpenedAt + AckWithin + TimeSpan.FromTicks(ticksFromDeadline));

        var changes = Evaluate(system, opened);

        Assert.Equal(escalates, !changes.IsEmpty);
        if (escalates)
        {
            var escalated = Assert.Single(changes.UpdatedAlerts);
            Assert.Equal(_time.GetUtcNow(), escalated.EscalatedAt);
            Assert.Equal(AlertState.Open, escalated.State);
            Assert.Equal([Party.Customer, Party.Vendor], escalated.NotifiedParties);
            AssertNotified(changes, NotificationTypes.Escalated, (Party.Vendor, VendorEmail), (Party.Vendor, VendorHook));
            Assert.Equal("alert.escalated", Assert.Single(changes.Audit).Action);
        }
    }

    [Fact]
    public void Evaluate_WhenAlreadyEscalated_DoesNotEscalateAgain()
    {
        var (system, opened) = OpenSilentAlert();
        _time.SetUtcNow(opened.OpenedAt + AckWithin);
        var escalated = Assert.Single(Evaluate(system, opened).UpdatedAlerts);
        _time.Advance(AckWithin * 3);

        Assert.True(Evaluate(system, escalated).IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenAcknowledgedBeforeDeadline_NeverEscalates()
    {
        var (system, opened) = OpenSilentAlert();
        _time.Advance(TimeSpan.FromMinutes(10));
        var acknowledged = _transitions.Acknowledge(system, opened, "dana@acme.example", "Looking into it", _time.GetUtcNow(), "customer:acme").Alert;
        _time.SetUtcNow(opened.OpenedAt + AckWithin + TimeSpan.FromDays(2));

        Assert.True(Evaluate(system, acknowledged).IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenFreshHeartbeatAfterEscalation_ResolvesAndTellsBothParties()
    {
        var (system, opened) = OpenSilentAlert();
        _time.SetUtcNow(opened.OpenedAt + AckWithin);
        var escalated = Assert.Single(Evaluate(system, opened).UpdatedAlerts);
        _time.Advance(TimeSpan.FromMinutes(3));
        var beating = system with { Signals = system.Signals with { LastHeartbeatAt = _time.GetUtcNow(), LastHeartbeatStatus = HeartbeatStatus.Ok } };

        var changes = Evaluate(beating, escalated);

        var resolved = Assert.Single(changes.UpdatedAlerts);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(_time.GetUtcNow(), resolved.ResolvedAt);
        Assert.Empty(changes.CreatedAlerts);
        AssertNotified(
            changes,
            NotificationTypes.Resolved,
            (Party.Customer, CustomerEmail),
            (Party.Customer, CustomerHook),
            (Party.Vendor, VendorEmail),
            (Party.Vendor, VendorHook));
        Assert.Equal("alert.resolved", Assert.Single(changes.Audit).Action);
    }

    [Fact]
    public void Evaluate_WhenFreshHeartbeatBeforeEscalation_ResolvesToOwnerOnly()
    {
        var (system, opened) = OpenSilentAlert();
        _time.Advance(TimeSpan.FromMinutes(20));
        var beating = system with { Signals = system.Signals with { LastHeartbeatAt = _time.GetUtcNow(), LastHeartbeatStatus = HeartbeatStatus.Ok } };

        var changes = Evaluate(beating, opened);

        Assert.Equal(AlertState.Resolved, Assert.Single(changes.UpdatedAlerts).State);
        AssertNotified(changes, NotificationTypes.Resolved, (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook));
    }

    [Fact]
    public void Evaluate_WhenLatestHeartbeatFails_OpensFailingAlertWithMessage()
    {
        var system = Handed().WithLastHeartbeat(_time.GetUtcNow(), HeartbeatStatus.Fail, "drift job crashed: OOM").Build();

        var changes = Evaluate(system);

        var alert = Assert.Single(changes.CreatedAlerts);
        Assert.Equal(AlertKinds.MonitoringFailing, alert.Kind);
        Assert.Contains("drift job crashed: OOM", alert.Summary, StringComparison.Ordinal);
        AssertNotified(changes, NotificationTypes.Opened, (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook));
        Assert.Equal("alert.opened", Assert.Single(changes.Audit).Action);
    }

    [Fact]
    public void Evaluate_WhenFreshOkAfterFailure_ResolvesFailingAlert()
    {
        var failing = Handed().WithLastHeartbeat(_time.GetUtcNow(), HeartbeatStatus.Fail).Build();
        var opened = Assert.Single(Evaluate(failing).CreatedAlerts);
        _time.Advance(TimeSpan.FromMinutes(15));
        var recovered = failing with { Signals = failing.Signals with { LastHeartbeatAt = _time.GetUtcNow(), LastHeartbeatStatus = HeartbeatStatus.Ok } };

        var changes = Evaluate(recovered, opened);

        var resolved = Assert.Single(changes.UpdatedAlerts);
        Assert.Equal(opened.Id, resolved.Id);
        Assert.Equal(AlertState.Resolved, resolved.State);
        AssertNotified(changes, NotificationTypes.Resolved, (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook));
    }

    [Fact]
    public void Evaluate_WhenFailingAlertActiveAndStillFailing_DoesNotOpenDuplicate()
    {
        var failing = Handed().WithLastHeartbeat(_time.GetUtcNow(), HeartbeatStatus.Fail).Build();
        var opened = Assert.Single(Evaluate(failing).CreatedAlerts);
        _time.Advance(TimeSpan.FromMinutes(5));
        var stillFailing = failing with { Signals = failing.Signals with { LastHeartbeatAt = _time.GetUtcNow() } };

        Assert.True(Evaluate(stillFailing, opened).IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenLastHeartbeatFailedLongAgo_OpensOneAlertOfEachKind()
    {
        var system = Handed().WithLastHeartbeat(_time.GetUtcNow(), HeartbeatStatus.Fail).Build();
        _time.Advance(UntilDown);

        var changes = Evaluate(system);

        Assert.Equal(
            [AlertKinds.MonitoringFailing, AlertKinds.MonitoringSilent],
            changes.CreatedAlerts.Select(a => a.Kind).Order(StringComparer.Ordinal));
        Assert.Equal(2, changes.Audit.Count);
    }

    [Fact]
    public void Evaluate_WhenRetired_ResolvesAllActiveAlertsAndOpensNothing()
    {
        var failing = Handed().WithLastHeartbeat(_time.GetUtcNow(), HeartbeatStatus.Fail).Build();
        _time.Advance(UntilDown);
        var active = Evaluate(failing).CreatedAlerts;
        _time.Advance(TimeSpan.FromDays(1));
        var retired = failing with { RetiredAt = _time.GetUtcNow() };

        var changes = Evaluate(retired, [.. active]);

        Assert.Empty(changes.CreatedAlerts);
        Assert.Equal(2, changes.UpdatedAlerts.Count);
        Assert.All(changes.UpdatedAlerts, a => Assert.Equal(AlertState.Resolved, a.State));
        Assert.Equal(2, changes.Audit.Count);
        Assert.All(changes.Audit, a => Assert.Equal("alert.resolved", a.Action));
    }

    [Fact]
    public void Evaluate_WhenRetiredAndDownWithoutAlerts_ChangesNothing()
    {
        var system = Handed().WithLastHeartbeat(_time.GetUtcNow()).RetiredAt(_time.GetUtcNow()).Build();
        _time.Advance(TimeSpan.FromDays(5));

        Assert.True(Evaluate(system).IsEmpty);
    }

    private SystemBuilder Handed() => new SystemBuilder()
        .WithEmail(Party.Vendor, VendorEmail)
        .WithWebhook(Party.Vendor, VendorHook)
        .WithEmail(Party.Customer, CustomerEmail)
        .WithWebhook(Party.Customer, CustomerHook)
        .AcknowledgeWithin(AckWithin);

    private (MonitoredSystem System, Alert Opened) OpenSilentAlert()
    {
        var system = Handed().WithLastHeartbeat(_time.GetUtcNow()).Build();
        _time.Advance(UntilDown);
        return (system, Assert.Single(Evaluate(system).CreatedAlerts));
    }

    private SystemChangeSet Evaluate(MonitoredSystem system, params Alert[] active) => _evaluator.Evaluate(system, active, _time.GetUtcNow());

    private static void AssertNotified(SystemChangeSet changes, string type, params (Party Party, string Target)[] expected)
    {
        Assert.All(changes.Notifications, n => Assert.Equal(type, n.Type));
        Assert.Equal(
            expected.Order(),
            changes.Notifications.Select(n => (n.Party, n.Target)).Order());
    }
}
