using GapMonitor.Core.Alerts;
using GapMonitor.Core.Status;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;

namespace GapMonitor.Core.Tests.Status;

public class ContinuityScorecardTests
{
    private static readonly DateTimeOffset Now = SystemBuilder.Epoch;

    [Theory]
    [InlineData(AlertKinds.MonitoringSilent, "run-time monitoring")]
    [InlineData(AlertKinds.MonitoringFailing, "run-time monitoring")]
    [InlineData(AlertKinds.TelemetryStale, "run-time monitoring")]
    [InlineData(AlertKinds.DeploymentUnannounced, "continuous deployment")]
    [InlineData(AlertKinds.DriftDetected, "continuous evolution")]
    [InlineData(AlertKinds.OwnershipUnconfirmed, "continuous trust")]
    [InlineData(AlertKinds.ContactUnreachable, "continuous trust")]
    [InlineData("some-future-kind", "continuous use")]
    public void PracticeOf_MapsEachAlertKindToItsPractice(string kind, string expected)
    {
        Assert.Equal(expected, ContinuityScorecard.PracticeOf(kind));
    }

    [Fact]
    public void Read_WhenOwnershipUnconfirmed_TheGapIsTrustButTheOwnershipLineStandsUnderUse()
    {
        var system = new SystemBuilder().WithLastHeartbeat(Now).Build();
        var alert = OpenAlert(AlertKinds.OwnershipUnconfirmed, Now);

        var gap = Assert.Single(ContinuityScorecard.Gaps([alert]));
        var practices = ContinuityScorecard.Read(system, [alert], Now);

        Assert.Equal("continuous trust", gap.Practice);
        Assert.Equal(new Practice("continuous use", "gap", "The customer owns operations but has no contact on file."), practices[3]);
    }

    [Fact]
    public void Read_WhenAnExpiredAcknowledgementReopenedTheAlertRecently_ItIsWithinItsAcknowledgementWindowAgain()
    {
        var system = new SystemBuilder().WithLastHeartbeat(Now).AcknowledgeWithin(TimeSpan.FromHours(4)).Build();
        var reopened = OpenAlert(AlertKinds.DriftDetected, Now - TimeSpan.FromDays(4)) with { ReopenedAt = Now - TimeSpan.FromHours(1) };

        var trust = ContinuityScorecard.Read(system, [reopened], Now)[2];

        Assert.Equal("ok", trust.State);
    }

    [Fact]
    public void Read_WhenNothingReportedYet_ListsTheFourPracticesInOrder()
    {
        var system = new SystemBuilder().RegisteredAt(Now).HandedOverAt(Now).WithEmail(Party.Vendor, "ops@modelworks.example").Build();

        var practices = ContinuityScorecard.Read(system, [], Now);

        Assert.Equal(
            [
                new Practice("run-time monitoring", "pending", "Waiting for the first heartbeat (due by 2026-03-02 09:30 UTC)."),
                new Practice("continuous deployment", "unknown", "No deployment event reported since registration."),
                new Practice("continuous trust", "ok", "No open alerts."),
                new Practice("continuous use", "ok", "The vendor owns operations and has contacts on file."),
            ],
            practices);
    }

    [Fact]
    public void Read_WhenHeartbeatReportsFailure_MonitoringIsAGapWithItsMessage()
    {
        var system = new SystemBuilder().WithLastHeartbeat(Now, HeartbeatStatus.Fail, "job crashed").Build();

        var monitoring = ContinuityScorecard.Read(system, [], Now)[0];

        Assert.Equal(new Practice("run-time monitoring", "gap", "Monitoring runs but reports failure: job crashed"), monitoring);
    }

    [Fact]
    public void Read_WhenHeartbeatOverdue_MonitoringIsAtRiskSinceItWasDue()
    {
        var system = new SystemBuilder().WithLastHeartbeat(Now - TimeSpan.FromMinutes(70)).Build();

        var monitoring = ContinuityScorecard.Read(system, [], Now)[0];

        Assert.Equal(new Practice("run-time monitoring", "at-risk", "Heartbeat overdue since 2026-03-02 07:50 UTC."), monitoring);
    }

    [Fact]
    public void Read_WhenAnOpenAlertOutlivesTheAcknowledgementWindow_TrustIsAGap()
    {
        var system = new SystemBuilder().WithLastHeartbeat(Now).AcknowledgeWithin(TimeSpan.FromHours(4)).Build();
        var overdue = OpenAlert(AlertKinds.DriftDetected, Now - TimeSpan.FromHours(4));
        var fresh = OpenAlert(AlertKinds.TelemetryStale, Now - TimeSpan.FromHours(1));
        var acknowledged = OpenAlert(AlertKinds.MonitoringFailing, Now - TimeSpan.FromDays(1)) with { State = AlertState.Acknowledged };

        var trust = ContinuityScorecard.Read(system, [overdue, fresh, acknowledged], Now)[2];

        Assert.Equal(new Practice("continuous trust", "gap", "1 alert(s) unacknowledged beyond PT4H."), trust);
    }

    [Fact]
    public void Read_WhenOpenAlertsAreWithinTheirWindow_TrustIsOk()
    {
        var system = new SystemBuilder().WithLastHeartbeat(Now).Build();

        var trust = ContinuityScorecard.Read(system, [OpenAlert(AlertKinds.DriftDetected, Now - TimeSpan.FromHours(1))], Now)[2];

        Assert.Equal(new Practice("continuous trust", "ok", "Open alerts are within their acknowledgement window or acknowledged."), trust);
    }

    [Fact]
    public void Read_WhenDeployed_DeploymentNamesTheModelVersion()
    {
        var system = new SystemBuilder().Build();
        system = system with { Signals = system.Signals with { LastDeploymentAt = Now, LastDeployedModelVersion = "v7" } };

        var deployment = ContinuityScorecard.Read(system, [], Now)[1];

        Assert.Equal(new Practice("continuous deployment", "ok", "Model v7 deployed 2026-03-02 08:00 UTC."), deployment);
    }

    private static Alert OpenAlert(string kind, DateTimeOffset openedAt) => new()
    {
        Id = $"acme-churn~{kind}",
        SystemId = "acme-churn",
        Kind = kind,
        State = AlertState.Open,
        Summary = kind,
        OpenedAt = openedAt,
        OwnerAtOpening = Party.Customer,
    };
}
