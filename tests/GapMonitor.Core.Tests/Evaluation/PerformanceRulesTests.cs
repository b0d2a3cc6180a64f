using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Evaluation;

/// <summary>performance-degraded (realized) and performance-at-risk (estimated), as the evaluator decides them from the performance signal.</summary>
public class PerformanceRulesTests
{
    private static readonly MetricBreach LowAuc = new("roc_auc", 0.61, 0.8, 1.0);

    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly SystemEvaluator _evaluator;

    public PerformanceRulesTests() => _evaluator = new SystemEvaluator(new AlertTransitions(new IdGenerator(_time)));

    [Fact]
    public void Evaluate_WhenRealizedMetricsBreachTheirThresholds_OpensPerformanceDegradedNamingTheMetrics()
    {
        var system = With(realized: Judged([LowAuc], streak: 0), estimated: Judged([], streak: 1));

        var opened = Assert.Single(Evaluate(system).CreatedAlerts);

        Assert.Equal(AlertKinds.PerformanceDegraded, opened.Kind);
        Assert.Contains("roc_auc 0.61 below 0.8", opened.Summary, StringComparison.Ordinal);
        Assert.Equal([LowAuc], opened.Metrics);
        Assert.Equal([LowAuc], AlertTransitions.Snapshot(opened).Metrics);
    }

    [Fact]
    public void Evaluate_WhenOnlyTheEstimateBreaches_OpensPerformanceAtRisk()
    {
        var system = With(realized: null, estimated: Judged([LowAuc], streak: 0));

        var opened = Assert.Single(Evaluate(system).CreatedAlerts);

        Assert.Equal(AlertKinds.PerformanceAtRisk, opened.Kind);
        Assert.StartsWith("Estimated performance", opened.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Evaluate_WhenCleanWindowsFollow_ResolvesOnlyAfterTheConfiguredNumber(int cleanStreak, bool resolved)
    {
        var degraded = With(realized: Judged([LowAuc], streak: 0), estimated: null);
        var open = Assert.Single(Evaluate(degraded).CreatedAlerts) with { ETag = "e1" };
        var clean = With(realized: Judged([], streak: cleanStreak), estimated: null);

        var changes = Evaluate(clean, open);

        Assert.Equal(resolved, changes.UpdatedAlerts.Any(a => a.State == AlertState.Resolved));
        Assert.Empty(changes.CreatedAlerts);
    }

    [Fact]
    public void Evaluate_WhenThePerformanceSettingsWereRemoved_ResolvesTheOpenPerformanceAlert()
    {
        var degraded = With(realized: Judged([LowAuc], streak: 0), estimated: null);
        var open = Assert.Single(Evaluate(degraded).CreatedAlerts) with { ETag = "e1" };

        var changes = Evaluate(degraded with { Performance = null }, open);

        var resolved = Assert.Single(changes.UpdatedAlerts);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Contains("no longer watched", resolved.Resolution, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenNoWindowWasJudged_OpensNothing()
    {
        Assert.Empty(Evaluate(With(realized: null, estimated: null)).CreatedAlerts);
    }

    [Fact]
    public void Next_WhenLabelsUpdateTheSameWindow_ReplacesItsVerdictKeepingTheStreakBefore()
    {
        var start = SystemBuilder.Epoch;
        var first = PerformanceJudgment.Next(null, start, start.AddDays(1), [], rows: 10)!;
        var second = PerformanceJudgment.Next(first, start.AddDays(1), start.AddDays(2), [], rows: 10)!;

        var relabeled = PerformanceJudgment.Next(second, start.AddDays(1), start.AddDays(2), [LowAuc], rows: 50)!;
        var cleanAgain = PerformanceJudgment.Next(relabeled, start.AddDays(1), start.AddDays(2), [], rows: 80)!;
        var older = PerformanceJudgment.Next(cleanAgain, start, start.AddDays(1), [LowAuc], rows: 99);

        Assert.Equal(2, second.CleanStreak);
        Assert.Equal(0, relabeled.CleanStreak);
        Assert.Equal(1, relabeled.CleanStreakBefore);
        Assert.Equal(2, cleanAgain.CleanStreak);
        Assert.Same(cleanAgain, older);
    }

    private PerformanceJudgment Judged(IReadOnlyList<MetricBreach> breaches, int streak) => new()
    {
        WindowStart = _time.GetUtcNow().AddDays(-1),
        WindowEnd = _time.GetUtcNow(),
        Breaches = breaches,
        CleanStreak = streak,
        Rows = 500,
    };

    private MonitoredSystem With(PerformanceJudgment? realized, PerformanceJudgment? estimated)
    {
        var system = new SystemBuilder()
            .HandedOverAt(_time.GetUtcNow() - TimeSpan.FromDays(30))
            .RegisteredAt(_time.GetUtcNow() - TimeSpan.FromDays(30))
            .WithLastHeartbeat(_time.GetUtcNow())
            .Build();
        return system with
        {
            Performance = new PerformanceSettings { Task = PerformanceTask.BinaryClassification, Prediction = "pred", Probability = "proba", Target = "y" },
            Signals = system.Signals with { Performance = new PerformanceSignal(realized, estimated) },
        };
    }

    private SystemChangeSet Evaluate(MonitoredSystem system, params Alert[] active) => _evaluator.Evaluate(system, active, _time.GetUtcNow());
}
