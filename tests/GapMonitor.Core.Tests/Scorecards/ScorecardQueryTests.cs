using GapMonitor.Core.Alerts;
using GapMonitor.Core.Fleet;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Scorecards;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Drift.Performance;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Scorecards;

public class ScorecardQueryTests
{
    private static readonly DateTimeOffset Now = SystemBuilder.Epoch;
    private static readonly Principal Admin = new(Role.Admin, "k-admin");
    private readonly InMemorySystemStore _systems = new();
    private readonly InMemoryAlertStore _alerts = new();
    private readonly InMemoryDriftWindowStore _windows = new();
    private readonly InMemorySignalHistory _signals = new();
    private readonly InMemoryDeliveryLog _deliveries = new();
    private readonly ScorecardQuery _query;

    public ScorecardQueryTests() =>
        _query = new ScorecardQuery(new SystemScope(_systems), _systems, new ScorecardHistoryReader(_alerts, _windows, _signals, _deliveries), new FakeTimeProvider(Now));

    [Fact]
    public async Task MonitoringUpShare_IsOneMinusTheUnionOfSilentAndFailingAlerts_OverTheObservedPeriod()
    {
        AddAlert(AlertKinds.MonitoringSilent, Now.AddDays(-10), resolved: Now.AddDays(-10).AddHours(6));
        AddAlert(AlertKinds.MonitoringFailing, Now.AddDays(-10).AddHours(5), resolved: Now.AddDays(-10).AddHours(8));
        AddAlert(AlertKinds.DriftDetected, Now.AddDays(-9), resolved: Now.AddDays(-2));

        var card = await CardAsync(new SystemBuilder().Build());

        var up = Measure(card, MonitoringMeasures.UpShare);
        Assert.Equal((ScorecardPractices.Monitoring, 0.9889, 0.99, "at-least", "share", false), (up.Practice, up.Value, up.Target, up.Comparison, up.Unit, up.Met));
        Assert.Contains("8 h of the 720 h", up.Detail, StringComparison.Ordinal);
        Assert.Equal((Now.AddDays(-30), Now), (card.From, card.To));
    }

    [Fact]
    public async Task MonitoringUpShare_CountsOnlyTheObservedPart_SinceRegistration_AndAnActiveAlertUntilNow()
    {
        var silent = AddAlert(AlertKinds.MonitoringSilent, Now.AddHours(-6));

        var card = await CardAsync(new SystemBuilder().RegisteredAt(Now.AddDays(-3)).Build(), active: silent);

        Assert.Equal(0.9167, Measure(card, MonitoringMeasures.UpShare).Value); // 6 h of 72 h
    }

    [Fact]
    public async Task MonitoringUpShare_AnAlertOpenedBeforeThePeriodCountsFromThePeriodsStart_OlderAndLaterOnesNotAtAll()
    {
        AddAlert(AlertKinds.MonitoringSilent, Now.AddDays(-20), resolved: Now.AddDays(-19));
        AddAlert(AlertKinds.MonitoringSilent, Now.AddDays(-12), resolved: Now.AddDays(-9));
        AddAlert(AlertKinds.MonitoringFailing, Now.AddDays(-5), resolved: Now.AddDays(-4));

        var card = await CardAsync(new SystemBuilder().Build(), Now.AddDays(-10), Now.AddDays(-5));

        Assert.Equal(0.8, Measure(card, MonitoringMeasures.UpShare).Value); // 24 h of 120 h
    }

    [Fact]
    public async Task APeriodBeforeRegistration_ObservesNothing_EveryValueAndTheScoreAreNull()
    {
        var card = await CardAsync(new SystemBuilder().RegisteredAt(Now.AddDays(-3)).Build(), Now.AddDays(-10), Now.AddDays(-5));

        Assert.Equal(ScorecardPractices.All, card.Practices.Select(p => p.Practice).Distinct());
        Assert.Equal(12, card.Practices.Count);
        Assert.All(card.Practices, p => Assert.Null(p.Value));
        Assert.All(card.Practices, p => Assert.Null(p.Met));
        Assert.Null(card.Score);
    }

    [Fact]
    public async Task AnnouncedVersionShare_CountsVersionsAnnouncedByTheEndOfTheFirstWindowThatReportedThem()
    {
        var start = new DateTimeOffset(2026, 2, 25, 0, 0, 0, TimeSpan.Zero);
        AddWindow(start, compared: true, versions: new() { ["1.0"] = 10, ["1.1"] = 5 });
        AddWindow(start.AddDays(1), compared: true, versions: new() { ["2.0"] = 3 });
        _signals.Deployments.Add(new DeploymentEvent("acme-churn", "1.1", start.AddHours(3), start.AddHours(3), null, null));
        _signals.Deployments.Add(new DeploymentEvent("acme-churn", "2.0", start.AddDays(3), start.AddDays(3), null, null));
        var system = new SystemBuilder().Build() with
        {
            Telemetry = new TelemetrySettings(),
            Model = new ModelInfo("churn", "1.0"),
            Signals = new SignalState { LastSeenModelVersion = "3.0", LastTelemetryAt = Now.AddHours(-1) },
        };

        var card = await CardAsync(system);

        var announced = Measure(card, DeploymentMeasures.AnnouncedShare);
        Assert.Equal((0.5, false), (announced.Value, announced.Met));
        Assert.Contains("2 of 4", announced.Detail, StringComparison.Ordinal);
        Assert.Contains("not announced: 2.0, 3.0", announced.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnouncedVersionShare_WithoutTelemetry_IsNull()
    {
        var card = await CardAsync(new SystemBuilder().Build());

        Assert.Null(Measure(card, DeploymentMeasures.AnnouncedShare).Value);
        Assert.Null(Measure(card, ValidationMeasures.WindowsComparedShare).Value);
    }

    [Fact]
    public async Task Validation_WindowsCompared_DriftAnsweredWithinTheSla_AndPerformanceJudged_OverTheExpectedWindows()
    {
        var from = new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 9; day++)
        {
            AddWindow(from.AddDays(day), compared: day < 8, judged: day < 5);
        }

        AddWindow(from.AddDays(-1), compared: true); // before the period
        AddAlert(AlertKinds.DriftDetected, from.AddDays(1), acknowledged: from.AddDays(1).AddHours(2));
        AddAlert(AlertKinds.DriftDetected, from.AddDays(3), acknowledged: from.AddDays(3).AddHours(6), resolved: from.AddDays(4));
        AddAlert(AlertKinds.DriftDetected, from.AddDays(5), resolved: from.AddDays(5).AddHours(3));
        AddAlert(AlertKinds.DriftDetected, from.AddDays(10).AddHours(-2)); // waiting 2 h at the end: outcome unknown
        var system = new SystemBuilder().Build() with
        {
            Telemetry = new TelemetrySettings(),
            Performance = new PerformanceSettings { Task = PerformanceTask.BinaryClassification, Prediction = "score" },
        };

        var card = await CardAsync(system, from, from.AddDays(10));

        var compared = Measure(card, ValidationMeasures.WindowsComparedShare);
        // The window ending at the period's end (less than one window before it) cannot have closed: 9 expected.
        Assert.Equal((0.8889, 0.95, false), (compared.Value, compared.Target, compared.Met));
        Assert.Contains("8 of 9", compared.Detail, StringComparison.Ordinal);
        var answered = Measure(card, ValidationMeasures.DriftAcknowledgedShare);
        Assert.Equal((0.6667, false), (answered.Value, answered.Met));
        Assert.Equal(0.5556, Measure(card, ValidationMeasures.PerformanceJudgedShare).Value);
    }

    [Fact]
    public async Task Validation_WithoutPerformanceSettings_LeavesPerformanceWithoutAValue_AndAPeriodShorterThanAWindowExpectsNone()
    {
        var card = await CardAsync(new SystemBuilder().Build() with { Telemetry = new TelemetrySettings() }, Now.AddHours(-12), Now);

        Assert.Null(Measure(card, ValidationMeasures.PerformanceJudgedShare).Value);
        Assert.Null(Measure(card, ValidationMeasures.WindowsComparedShare).Value);
        Assert.Null(Measure(card, ValidationMeasures.DriftAcknowledgedShare).Value);
    }

    [Fact]
    public async Task Ownership_DueDatesFollowTheConfirmations_OnTimeShareAndDaysOverdue_AsOfTheEndOfThePeriod()
    {
        var handover = Now.AddDays(-40);
        var system = new SystemBuilder().RegisteredAt(handover).HandedOverAt(handover).WithOwnership(TimeSpan.FromDays(7), TimeSpan.FromDays(30))
            .WithHandover(new HandoverProgress
            {
                Confirmations = [new OwnershipConfirmationRecord(handover.AddDays(39), "ml@acme.example", "customer:acme"), new OwnershipConfirmationRecord(handover.AddDays(5), "ml@acme.example", "customer:acme")],
            })
            .Build();

        var whole = await CardAsync(system, handover, Now);
        var before = await CardAsync(system, handover, handover.AddDays(38));

        // Due at +7 (met at +5), then at +35 (met late at +39): overdue from +35 to +39.
        Assert.Equal((0.5, false), (Measure(whole, OwnershipMeasures.ConfirmedOnTimeShare).Value, Measure(whole, OwnershipMeasures.ConfirmedOnTimeShare).Met));
        Assert.Equal((4.0, 0.0, "at-most", "days", false), (Measure(whole, OwnershipMeasures.DaysOverdue).Value!.Value, Measure(whole, OwnershipMeasures.DaysOverdue).Target, Measure(whole, OwnershipMeasures.DaysOverdue).Comparison, Measure(whole, OwnershipMeasures.DaysOverdue).Unit, Measure(whole, OwnershipMeasures.DaysOverdue).Met));
        Assert.Equal(0.5, Measure(before, OwnershipMeasures.ConfirmedOnTimeShare).Value);
        Assert.Equal(3, Measure(before, OwnershipMeasures.DaysOverdue).Value); // the confirmation at +39 is not known yet at +38
    }

    [Fact]
    public async Task Ownership_NothingDueYet_HasNoValue()
    {
        var system = new SystemBuilder().RegisteredAt(Now.AddDays(-2)).HandedOverAt(Now.AddDays(-2)).WithHandover(new HandoverProgress()).Build();

        var card = await CardAsync(system);

        Assert.Null(Measure(card, OwnershipMeasures.ConfirmedOnTimeShare).Value);
        Assert.Null(Measure(card, OwnershipMeasures.DaysOverdue).Value);
    }

    [Fact]
    public async Task Response_MediansCountAnswersAndKnownMisses_EscalationsLeaveOutKindsThatGoToBothPartiesAtOnce()
    {
        AddAlert(AlertKinds.TelemetryStale, Now.AddDays(-20), acknowledged: Now.AddDays(-20).AddHours(1), resolved: Now.AddDays(-20).AddHours(2));
        AddAlert(AlertKinds.DriftDetected, Now.AddDays(-15), acknowledged: Now.AddDays(-15).AddHours(3), resolved: Now.AddDays(-15).AddHours(30));
        var silent = AddAlert(AlertKinds.MonitoringSilent, Now.AddDays(-10), acknowledged: Now.AddDays(-10).AddHours(10), escalated: Now.AddDays(-10).AddHours(4));
        AddAlert(AlertKinds.OwnershipUnconfirmed, Now.AddDays(-5), resolved: Now.AddDays(-5).AddHours(1), escalated: Now.AddDays(-5));
        var fresh = AddAlert(AlertKinds.DeploymentUnannounced, Now.AddHours(-1));

        var card = await CardAsync(new SystemBuilder().Build(), active: [silent, fresh]);

        var acknowledge = Measure(card, ResponseMeasures.MedianHoursToAcknowledge);
        Assert.Equal((3.0, 4.0, "hours", true), (acknowledge.Value!.Value, acknowledge.Target, acknowledge.Unit, acknowledge.Met)); // 1, 3, 10
        var resolve = Measure(card, ResponseMeasures.MedianHoursToResolve);
        Assert.Equal((16.0, 168.0, true), (resolve.Value!.Value, resolve.Target, resolve.Met)); // 1, 2, 30 and 240 (still open after 10 days)
        var escalations = Measure(card, ResponseMeasures.Escalations);
        Assert.Equal((1.0, 0.0, "count", false), (escalations.Value!.Value, escalations.Target, escalations.Unit, escalations.Met));
        Assert.Contains("1 of 5", escalations.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_AnAcknowledgementAfterThePeriodIsNotKnownYet_AndAnUnansweredWaitPastTheTargetCounts()
    {
        AddAlert(AlertKinds.DriftDetected, Now.AddDays(-3), acknowledged: Now.AddDays(-1));

        var card = await CardAsync(new SystemBuilder().Build(), Now.AddDays(-4), Now.AddDays(-3).AddHours(5));

        var acknowledge = Measure(card, ResponseMeasures.MedianHoursToAcknowledge);
        Assert.Equal((5.0, false), (acknowledge.Value!.Value, acknowledge.Met));
        Assert.Equal(0.0, Measure(card, ValidationMeasures.DriftAcknowledgedShare).Value);
    }

    [Fact]
    public async Task Alerting_CountsNotificationsOfThePeriodGivenUp_AndTheShareOfSettledOnesDelivered()
    {
        AddNotification(Now.AddDays(-40), NotificationState.Failed);
        AddNotification(Now.AddDays(-9), NotificationState.Delivered);
        AddNotification(Now.AddDays(-8), NotificationState.Delivered);
        AddNotification(Now.AddDays(-7), NotificationState.Failed);
        AddNotification(Now.AddDays(-6), NotificationState.Delivered);
        AddNotification(Now.AddMinutes(-5), NotificationState.Pending);

        var card = await CardAsync(new SystemBuilder().Build());

        var givenUp = Measure(card, AlertingMeasures.DeliveriesGivenUp);
        Assert.Equal((1.0, 0.0, false), (givenUp.Value!.Value, givenUp.Target, givenUp.Met));
        Assert.Contains("1 of 5", givenUp.Detail, StringComparison.Ordinal);
        Assert.Equal((0.75, false), (Measure(card, AlertingMeasures.DeliverySuccessShare).Value, Measure(card, AlertingMeasures.DeliverySuccessShare).Met));
    }

    [Fact]
    public async Task Alerting_NotificationsNewerThanThePeriod_DoNotCountTowardTheCap()
    {
        for (var i = 0; i <= ScorecardHistoryReader.DeliveryCap; i++)
        {
            AddNotification(Now.AddDays(-5).AddSeconds(-i), NotificationState.Delivered);
        }

        AddNotification(Now.AddDays(-15), NotificationState.Delivered);
        AddNotification(Now.AddDays(-14), NotificationState.Failed);

        var card = await CardAsync(new SystemBuilder().Build(), Now.AddDays(-20), Now.AddDays(-10));

        var givenUp = Measure(card, AlertingMeasures.DeliveriesGivenUp);
        Assert.Equal(1.0, givenUp.Value);
        Assert.Contains("1 of 2", givenUp.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("(cap)", givenUp.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerting_NoNotificationInThePeriod_HasNoValue()
    {
        AddNotification(Now.AddDays(-40), NotificationState.Failed);

        var card = await CardAsync(new SystemBuilder().Build());

        Assert.Null(Measure(card, AlertingMeasures.DeliveriesGivenUp).Value);
        Assert.Null(Measure(card, AlertingMeasures.DeliverySuccessShare).Value);
    }

    [Fact]
    public async Task Score_IsTheRoundedShareOfMeasuresWithAValueThatMeetTheirTarget()
    {
        AddNotification(Now.AddDays(-2), NotificationState.Delivered);
        var system = new SystemBuilder().WithHandover(new HandoverProgress { Confirmations = [new OwnershipConfirmationRecord(Now.AddDays(-31), "ml@acme.example", "customer:acme")] }).Build();

        var card = await CardAsync(system);

        // Valued: up share 1 (met), deliveries given up 0 (met), delivery success 1 (met), confirmed on time 1/1 (met), days overdue 0 (met).
        Assert.Equal(5, card.Practices.Count(p => p.Value is not null));
        Assert.Equal(100, card.Score);
        Assert.Equal(67, Measures.Score([Met(true), Met(false), Met(null), Met(true)]));
    }

    [Fact]
    public async Task AnotherTenantsSystem_IsNotFound()
    {
        _systems.Add(new SystemBuilder().WithVendor("modelworks").Build());

        Assert.Null(await _query.GetAsync(new Principal(Role.Vendor, "k-other", Vendor: "other"), "acme-churn", null, null));
        Assert.NotNull(await _query.GetAsync(new Principal(Role.Customer, "k-acme", Customer: "acme"), "acme-churn", null, null));
    }

    [Fact]
    public async Task Fleet_PagesTheSystemsInScopeInIdOrder_TotalsCountTheScopeAndScoreThePage()
    {
        _systems.Add(new SystemBuilder().WithId("mw-b").WithVendor("modelworks").Build());
        _systems.Add(new SystemBuilder().WithId("mw-a").WithVendor("modelworks").Build());
        _systems.Add(new SystemBuilder().WithId("other-a").WithVendor("other").Build());
        AddAlert(AlertKinds.MonitoringSilent, Now.AddDays(-1), system: "mw-a");
        var vendor = new Principal(Role.Vendor, "k-mw", Vendor: "modelworks");

        var first = await _query.ListAsync(vendor, new FleetFilter(), PageRequest.First(1), null, null);
        var second = await _query.ListAsync(vendor, new FleetFilter(), new PageRequest(1, first.Continuation), null, null);

        Assert.Equal(["mw-a", "mw-b"], new[] { first, second }.SelectMany(p => p.Items).Select(s => s.SystemId));
        Assert.Null(second.Continuation);
        Assert.Equal((2, 1), (first.Totals.Systems, first.Totals.SystemsOnPage));
        var up = Assert.Single(first.Totals.Measures, m => m.Measure == MonitoringMeasures.UpShare);
        Assert.Equal((0, 1, 0), (up.Met, up.Missed, up.NoValue));
        Assert.Equal(first.Items[0].Score, first.Totals.AverageScore);
        Assert.Equal(["other-a"], (await _query.ListAsync(Admin, new FleetFilter(Vendor: "other"), PageRequest.First(), null, null)).Items.Select(s => s.SystemId));
    }

    [Fact]
    public async Task Fleet_MeasuresAtMostFiftySystemsAPage_WhateverTheLimitAsks_AndTheRestIsBehindNext()
    {
        for (var i = 0; i < ScorecardQuery.MaxSystemsPerPage + 3; i++)
        {
            _systems.Add(new SystemBuilder().WithId($"sys-{i:D3}").WithVendor("modelworks").Build());
        }

        var first = await _query.ListAsync(Admin, new FleetFilter(), PageRequest.First(1000), null, null);
        var rest = await _query.ListAsync(Admin, new FleetFilter(), new PageRequest(1000, first.Continuation), null, null);

        Assert.Equal(ScorecardQuery.MaxSystemsPerPage, first.Items.Count);
        Assert.Equal("sys-049", first.Continuation);
        Assert.Equal(["sys-050", "sys-051", "sys-052"], rest.Items.Select(s => s.SystemId));
        Assert.Null(rest.Continuation);
    }

    [Fact]
    public void Period_DefaultsToTheThirtyDaysUpToNow_AndMustStartBeforeItEnds()
    {
        Assert.Equal((Now.AddDays(-30), Now), ScorecardQuery.Period(null, null, Now));
        Assert.Equal((Now.AddDays(-32), Now.AddDays(-2)), ScorecardQuery.Period(null, Now.AddDays(-2), Now));
        Assert.Throws<ArgumentException>(() => ScorecardQuery.Period(Now, Now, Now));
    }

    private static ScorecardMeasure Met(bool? met) => new("p", "m", met is null ? null : 1, 1, "at-least", "share", met, "");

    private static ScorecardMeasure Measure(Scorecard card, string measure) => Assert.Single(card.Practices, m => m.Measure == measure);

    private async Task<Scorecard> CardAsync(MonitoredSystem system, DateTimeOffset? from = null, DateTimeOffset? to = null, params Alert[] active)
    {
        _systems.Add(system, active);
        return (await _query.GetAsync(Admin, system.Id, from, to))!;
    }

    private Alert AddAlert(string kind, DateTimeOffset opened, DateTimeOffset? acknowledged = null, DateTimeOffset? resolved = null, DateTimeOffset? escalated = null, string system = "acme-churn")
    {
        var alert = new Alert
        {
            Id = $"alert-{_alerts.Alerts.Count}",
            SystemId = system,
            Kind = kind,
            State = resolved is not null ? AlertState.Resolved : acknowledged is not null ? AlertState.Acknowledged : AlertState.Open,
            Summary = kind,
            OpenedAt = opened,
            OwnerAtOpening = Party.Customer,
            AcknowledgedAt = acknowledged,
            ResolvedAt = resolved,
            EscalatedAt = escalated,
        };
        _alerts.Alerts.Add(alert);
        return alert;
    }

    private void AddWindow(DateTimeOffset start, bool compared, bool judged = false, Dictionary<string, long>? versions = null)
    {
        var performance = judged
            ? new WindowPerformance(10, 10, new Dictionary<string, double?> { ["accuracy"] = 0.9 }, null, new Dictionary<string, MetricThreshold>(), [], null)
            : null;
        _windows.Saved.Add(new DriftWindowRecord("acme-churn", start, start.AddDays(1), 10, "ref-1", false, [], 0, compared ? "{}" : null, [], versions ?? [], null, performance));
    }

    private void AddNotification(DateTimeOffset created, NotificationState state) => _deliveries.Notifications.Add(new Notification
    {
        Id = $"n-{_deliveries.Notifications.Count}",
        SystemId = "acme-churn",
        Type = NotificationTypes.Opened,
        Party = Party.Customer,
        Channel = NotificationChannel.Email,
        Target = "ml@acme.example",
        Body = "{}",
        CreatedAt = created,
        State = state,
    });
}
