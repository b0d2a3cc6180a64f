using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Evaluation;

/// <summary>drift-detected, deployment-unannounced and telemetry-stale, as the evaluator decides them from a system's signals.</summary>
public class TelemetryRulesTests
{
    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly SystemEvaluator _evaluator;

    public TelemetryRulesTests() => _evaluator = new SystemEvaluator(new AlertTransitions(new IdGenerator(_time)));

    [Fact]
    public void Evaluate_WhenTheLatestWindowDrifted_OpensDriftDetectedNamingTheColumns()
    {
        var system = Healthy() with { Signals = Healthy().Signals with { Drift = Window(drifted: true, streak: 0) } };

        var opened = Assert.Single(Evaluate(system).CreatedAlerts);

        Assert.Equal(AlertKinds.DriftDetected, opened.Kind);
        Assert.Contains("mean_radius", opened.Summary, StringComparison.Ordinal);
        Assert.Equal(["mean_radius", "plan"], opened.Columns);
        Assert.Equal(["mean_radius", "plan"], AlertTransitions.Snapshot(opened).Columns);
    }

    [Fact]
    public void Evaluate_WhenMoreColumnsDriftedThanTheSystemRowNames_CountsThemAll()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"c{i}").ToArray();
        var drift = new DriftSignal(SystemBuilder.Epoch.AddDays(-1), SystemBuilder.Epoch, DatasetDrift: true, names, DriftShare: 0.75, CleanStreak: 0, DriftedColumnCount: 750);
        var system = Healthy() with { Signals = Healthy().Signals with { Drift = drift } };

        var opened = Assert.Single(Evaluate(system).CreatedAlerts);

        Assert.Contains("750 drifted column(s)", opened.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Evaluate_WhenCleanWindowsFollowDrift_ResolvesOnlyAfterTheConfiguredNumber(int cleanStreak, bool resolved)
    {
        var drifting = Healthy() with { Signals = Healthy().Signals with { Drift = Window(drifted: true, streak: 0) } };
        var open = Assert.Single(Evaluate(drifting).CreatedAlerts) with { ETag = "e1" };
        var clean = drifting with { Signals = drifting.Signals with { Drift = Window(drifted: false, streak: cleanStreak) } };

        var changes = Evaluate(clean, open);

        Assert.Equal(resolved, changes.UpdatedAlerts.Any(a => a.State == AlertState.Resolved));
        Assert.Empty(changes.CreatedAlerts);
    }

    [Fact]
    public void Evaluate_WhenTelemetryReportsAnUnannouncedModelVersion_OpensDeploymentUnannounced()
    {
        var system = Healthy() with { Signals = Healthy().Signals with { LastSeenModelVersion = "2.0.0" } };

        var opened = Assert.Single(Evaluate(system).CreatedAlerts);

        Assert.Equal(AlertKinds.DeploymentUnannounced, opened.Kind);
        Assert.Contains("2.0.0", opened.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenTheVersionWasAnnouncedByADeployment_ResolvesDeploymentUnannounced()
    {
        var unannounced = Healthy() with { Signals = Healthy().Signals with { LastSeenModelVersion = "2.0.0" } };
        var open = Assert.Single(Evaluate(unannounced).CreatedAlerts) with { ETag = "e1" };
        var announced = unannounced with { Signals = unannounced.Signals with { LastDeployedModelVersion = "2.0.0", LastDeploymentAt = _time.GetUtcNow() } };

        var changes = Evaluate(announced, open);

        Assert.Equal(AlertState.Resolved, Assert.Single(changes.UpdatedAlerts).State);
    }

    [Fact]
    public void Evaluate_WhenTheModelVersionMatchesRegistration_OpensNothing()
    {
        var system = Healthy() with { Signals = Healthy().Signals with { LastSeenModelVersion = "1.0.0" } };

        Assert.True(Evaluate(system).IsEmpty);
    }

    [Fact]
    public void Evaluate_WhenConfiguredSourcesStaySilentPastStaleAfter_OpensTelemetryStale()
    {
        var system = Healthy() with { Telemetry = new TelemetrySettings { LogAnalytics = new LogAnalyticsSettings(Guid.NewGuid(), null, null), StaleAfter = TimeSpan.FromHours(6) } };
        system = system with { Signals = system.Signals with { LastTelemetryAt = _time.GetUtcNow() } };
        _time.Advance(TimeSpan.FromHours(6));
        Assert.True(Evaluate(system with { Signals = system.Signals with { LastHeartbeatAt = _time.GetUtcNow() } }).IsEmpty);

        _time.Advance(TimeSpan.FromTicks(1));
        var fresh = system with { Signals = system.Signals with { LastHeartbeatAt = _time.GetUtcNow() } };

        Assert.Equal(AlertKinds.TelemetryStale, Assert.Single(Evaluate(fresh).CreatedAlerts).Kind);
    }

    [Fact]
    public void Evaluate_WithoutTelemetrySources_NeverOpensTelemetryStale()
    {
        _time.Advance(TimeSpan.FromDays(30));
        var system = Healthy() with { Signals = Healthy().Signals with { LastHeartbeatAt = _time.GetUtcNow() } };

        Assert.True(Evaluate(system).IsEmpty);
    }

    private MonitoredSystem Healthy() => new SystemBuilder()
        .HandedOverAt(_time.GetUtcNow() - TimeSpan.FromDays(30))
        .RegisteredAt(_time.GetUtcNow() - TimeSpan.FromDays(30))
        .WithLastHeartbeat(_time.GetUtcNow())
        .Build() with
    { Model = new ModelInfo("churn", "1.0.0") };

    private DriftSignal Window(bool drifted, int streak) =>
        new(_time.GetUtcNow() - TimeSpan.FromDays(1), _time.GetUtcNow(), drifted, drifted ? ["mean_radius", "plan"] : [], drifted ? 1 : 0, streak);

    private SystemChangeSet Evaluate(MonitoredSystem system, params Alert[] active) => _evaluator.Evaluate(system, active, _time.GetUtcNow());
}
