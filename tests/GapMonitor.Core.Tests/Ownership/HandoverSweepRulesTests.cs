using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ownership;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Ownership;

/// <summary>The handover notices (each once, to both parties) and <c>ownership-unconfirmed</c> (to both parties at once).</summary>
public class HandoverSweepRulesTests
{
    private const string VendorEmail = "ops@modelworks.example";
    private const string CustomerEmail = "ml@acme.example";
    private const string CustomerHook = "https://hooks.acme.example/gapmonitor";
    private static readonly DateTimeOffset HandoverAt = SystemBuilder.Epoch + TimeSpan.FromHours(1);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(14);
    private static readonly (Party, string)[] Everyone = [(Party.Customer, CustomerEmail), (Party.Customer, CustomerHook), (Party.Vendor, VendorEmail)];

    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly SystemEvaluator _evaluator;

    public HandoverSweepRulesTests()
    {
        _evaluator = new SystemEvaluator(new AlertTransitions(new IdGenerator(_time)));
    }

    [Fact]
    public void Evaluate_BeforeHandover_SendsNothing()
    {
        Assert.True(Evaluate(Registered(), []).IsEmpty);
    }

    [Fact]
    public void Evaluate_AtHandover_SendsHandoverStartedToBothPartiesOnceWithTheDueDate()
    {
        _time.SetUtcNow(HandoverAt);
        var changes = Evaluate(Registered(), []);

        AssertNotified(changes, NotificationTypes.HandoverStarted, Everyone);
        var data = NotificationEnvelope.FromJson(changes.Notifications[0].Body).Data;
        Assert.Null(data.Alert);
        Assert.Equal(HandoverAt + TimeSpan.FromDays(7), data.Handover!.OwnershipDueAt);
        Assert.Equal(HandoverAt + Grace, data.Handover.GraceEndsAt);
        Assert.Equal("due", data.Handover.OwnershipState);
        Assert.Contains("2026-03-09 09:00 UTC", data.Title, StringComparison.Ordinal);
        Assert.Contains("POST /api/systems/acme-churn/ownership", data.Action, StringComparison.Ordinal);
        Assert.Equal("handover.started", Assert.Single(changes.Audit).Action);
        Assert.Equal(HandoverAt, changes.UpdatedSystem!.Handover!.StartedNoticeAt);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(Evaluate(changes.UpdatedSystem, []).IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenRegisteredAfterHandover_StartsAtRegistration()
    {
        var system = Registered(handoverAt: SystemBuilder.Epoch - TimeSpan.FromDays(2));

        var changes = Evaluate(system, []);

        AssertNotified(changes, NotificationTypes.HandoverStarted, Everyone);
        Assert.Equal(SystemBuilder.Epoch + TimeSpan.FromDays(7), OwnershipRules.DueAt(system));
    }

    [Fact]
    public void Evaluate_PastDueWithoutConfirmation_OpensOwnershipUnconfirmedToBothPartiesAtOnce_AndNeverEscalatesIt()
    {
        var system = Sent(Registered());
        _time.SetUtcNow(HandoverAt + TimeSpan.FromDays(7) - TimeSpan.FromTicks(1));
        Assert.True(Evaluate(system, []).IsEmpty);
        Assert.Equal(OwnershipState.Due, OwnershipRules.StateAt(system, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromTicks(1));
        var changes = Evaluate(system, []);

        var alert = Assert.Single(changes.CreatedAlerts);
        Assert.Equal(AlertKinds.OwnershipUnconfirmed, alert.Kind);
        Assert.Equal([Party.Customer, Party.Vendor], alert.NotifiedParties);
        Assert.Equal(Party.Vendor, alert.OwnerAtOpening);
        AssertNotified(changes, NotificationTypes.Opened, Everyone);
        Assert.Contains("2026-03-09 09:00 UTC", alert.Summary, StringComparison.Ordinal);
        Assert.Equal(OwnershipState.Overdue, OwnershipRules.StateAt(system, _time.GetUtcNow()));

        // Both parties already know: acknowledgeWithin later there is nobody left to escalate to.
        _time.Advance(TimeSpan.FromHours(5));
        Assert.DoesNotContain(Evaluate(system, [alert]).Notifications, n => n.Type == NotificationTypes.Escalated);
    }

    [Fact]
    public void Evaluate_AfterAConfirmation_IsDueAgainReconfirmEveryLater()
    {
        var confirmedAt = HandoverAt + TimeSpan.FromDays(2);
        var system = Sent(Registered()) is var s ? s with { Handover = s.Handover!.WithConfirmation(new(confirmedAt, "dana@acme.example", "customer:acme")) } : null!;

        _time.SetUtcNow(confirmedAt + TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        Assert.Equal(OwnershipState.Confirmed, OwnershipRules.StateAt(system, _time.GetUtcNow()));
        Assert.Empty(Evaluate(system, []).CreatedAlerts);

        _time.Advance(TimeSpan.FromSeconds(1));
        var alert = Assert.Single(Evaluate(system, []).CreatedAlerts);
        Assert.Equal(AlertKinds.OwnershipUnconfirmed, alert.Kind);
        Assert.Contains("dana@acme.example", alert.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GraceEndingAndCompleted_EachGoToBothPartiesOnce()
    {
        var system = Confirmed(Sent(Registered()), HandoverAt + TimeSpan.FromDays(1));

        _time.SetUtcNow(HandoverAt + Grace - TimeSpan.FromDays(3));
        var ending = Evaluate(system, []);
        AssertNotified(ending, NotificationTypes.HandoverGraceEnding, Everyone);
        var endingData = NotificationEnvelope.FromJson(ending.Notifications[0].Body).Data;
        Assert.Contains("2026-03-16 09:00 UTC", endingData.Title, StringComparison.Ordinal);
        Assert.Equal("vendor", endingData.Handover!.OperationsOwner);
        Assert.True(Evaluate(ending.UpdatedSystem!, []).IsEmpty);

        _time.SetUtcNow(HandoverAt + Grace);
        var completed = Evaluate(ending.UpdatedSystem!, []);
        AssertNotified(completed, NotificationTypes.HandoverCompleted, Everyone);
        Assert.Equal("customer", NotificationEnvelope.FromJson(completed.Notifications[0].Body).Data.Handover!.OperationsOwner);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(Evaluate(completed.UpdatedSystem!, []).IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenTwoNoticesAreDueAtOnce_SendsOneASweep_SoEachIsWrittenWithTheRowThatMarksItSent()
    {
        // Handed over at the epoch with a grace period shorter than the notice: grace-ending was due half a day before
        // handover, so at handover both handover.started and handover.grace-ending are due, neither late.
        var system = Registered(handoverAt: SystemBuilder.Epoch) with { VendorGracePeriod = TimeSpan.FromDays(2), GraceEndingNotice = TimeSpan.FromDays(2.5) };
        _time.SetUtcNow(SystemBuilder.Epoch);

        var first = Evaluate(system, []);

        AssertNotified(first, NotificationTypes.HandoverStarted, Everyone);
        Assert.Null(first.UpdatedSystem!.Handover!.GraceEndingNoticeAt);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = Evaluate(first.UpdatedSystem!, []);
        AssertNotified(second, NotificationTypes.HandoverGraceEnding, Everyone);
        Assert.NotNull(second.UpdatedSystem!.Handover!.GraceEndingNoticeAt);
    }

    [Fact]
    public void Evaluate_WhenRegisteredLongAfterTheGracePeriod_SendsOnlyHandoverStarted_AndPassesOverTheRestWithAnAuditEntry()
    {
        var system = Registered(handoverAt: SystemBuilder.Epoch - TimeSpan.FromDays(20));

        var changes = Evaluate(system, []);

        AssertNotified(changes, NotificationTypes.HandoverStarted, Everyone);
        Assert.Equal(
            ["handover.started", "handover.grace-ending.passed-over", "handover.completed.passed-over"],
            changes.Audit.Select(a => a.Action).ToArray());
        var progress = changes.UpdatedSystem!.Handover!;
        Assert.NotNull(progress.GraceEndingNoticeAt);
        Assert.NotNull(progress.CompletedNoticeAt);
    }

    [Fact]
    public void Evaluate_WhenSweepsStoppedForMoreThanADay_PassesOverTheLateNotice()
    {
        var system = Sent(Registered());
        _time.SetUtcNow(HandoverAt + Grace + TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        var changes = Evaluate(Confirmed(system, _time.GetUtcNow() - TimeSpan.FromDays(1)), []);

        Assert.Empty(changes.Notifications);
        Assert.Equal(["handover.grace-ending.passed-over", "handover.completed.passed-over"], changes.Audit.Select(a => a.Action).ToArray());
    }

    [Fact]
    public void Evaluate_SystemStoredBeforeOwnershipTracking_StartsTrackingSilently_AndIsDueConfirmWithinLater()
    {
        var legacy = new SystemBuilder().WithHandover(null).WithHeartbeatEvery(TimeSpan.FromDays(400), TimeSpan.Zero).WithOwnership(TimeSpan.FromDays(7), TimeSpan.FromDays(90))
            .WithEmail(Party.Customer, CustomerEmail).WithEmail(Party.Vendor, VendorEmail).Build();

        var changes = Evaluate(legacy, []);

        Assert.Empty(changes.Notifications);
        Assert.Empty(changes.CreatedAlerts);
        Assert.Equal("ownership.tracking-started", Assert.Single(changes.Audit).Action);
        var tracked = changes.UpdatedSystem!;
        Assert.Equal(SystemBuilder.Epoch, tracked.Handover!.TrackedSince);
        Assert.Equal(SystemBuilder.Epoch + TimeSpan.FromDays(7), OwnershipRules.DueAt(tracked));

        _time.Advance(TimeSpan.FromDays(7));
        var overdue = Evaluate(tracked, []);
        Assert.Equal(AlertKinds.OwnershipUnconfirmed, Assert.Single(overdue.CreatedAlerts).Kind);
        Assert.DoesNotContain(overdue.Audit, a => a.Action.StartsWith("handover.", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_RetiredSystem_SendsNoNoticeAndOpensNothing()
    {
        _time.SetUtcNow(HandoverAt + TimeSpan.FromDays(30));
        var retired = Registered() with { RetiredAt = SystemBuilder.Epoch };

        Assert.True(Evaluate(retired, []).IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenConfirmWithinIsExtendedWhileOverdue_ResolvesTheAlert()
    {
        var system = Sent(Registered());
        _time.SetUtcNow(HandoverAt + TimeSpan.FromDays(8));
        var alert = Assert.Single(Evaluate(system, []).CreatedAlerts);

        var changes = Evaluate(system with { Ownership = new OwnershipSettings(TimeSpan.FromDays(10), TimeSpan.FromDays(90)) }, [alert]);

        Assert.Equal(AlertState.Resolved, Assert.Single(changes.UpdatedAlerts).State);
    }

    /// <summary>Registered at the epoch through the API (handover progress started), with both parties' contacts.</summary>
    private static MonitoredSystem Registered(DateTimeOffset? handoverAt = null) =>
        new SystemBuilder()
            .RegisteredAt(SystemBuilder.Epoch)
            .HandedOverAt(handoverAt ?? HandoverAt)
            .WithVendorGracePeriod(Grace)
            .WithHeartbeatEvery(TimeSpan.FromDays(400), TimeSpan.Zero)
            .WithOwnership(TimeSpan.FromDays(7), TimeSpan.FromDays(90))
            .WithHandover(new HandoverProgress())
            .WithEmail(Party.Customer, CustomerEmail)
            .WithWebhook(Party.Customer, CustomerHook)
            .WithEmail(Party.Vendor, VendorEmail)
            .Build();

    private static MonitoredSystem Sent(MonitoredSystem system) =>
        system with { Handover = system.Handover! with { StartedNoticeAt = system.HandoverAt } };

    private static MonitoredSystem Confirmed(MonitoredSystem system, DateTimeOffset at) =>
        system with { Handover = system.Handover!.WithConfirmation(new OwnershipConfirmationRecord(at, CustomerEmail, "customer:acme")) };

    private SystemChangeSet Evaluate(MonitoredSystem system, IReadOnlyList<Alert> active) => _evaluator.Evaluate(system, active, _time.GetUtcNow());

    private static void AssertNotified(SystemChangeSet changes, string type, params (Party Party, string Target)[] expected)
    {
        Assert.All(changes.Notifications, n => Assert.Equal(type, n.Type));
        Assert.Equal(
            expected.OrderBy(e => e.Target, StringComparer.Ordinal).ToArray(),
            changes.Notifications.Select(n => (n.Party, n.Target)).OrderBy(e => e.Target, StringComparer.Ordinal).ToArray());
    }
}
