using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Core.Tests.Performance;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Drift.Performance;
using GapMonitor.Drift.Profiles;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Telemetry;

public class DriftWindowCloserPerformanceTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset WindowStart = SystemBuilder.Epoch;

    private readonly FakeTimeProvider _time = new(WindowStart.AddMinutes(30));
    private readonly InMemoryReferenceProfiles _references = new();
    private readonly FittedPerformanceReferences _performanceReferences = new();
    private readonly RecordingPendingPredictionStore _pending = new();
    private readonly InMemoryDriftWindowStore _windows = new();
    private readonly InMemorySystemStore _systems = new();
    private readonly DriftWindowCloser _closer;

    public DriftWindowCloserPerformanceTests()
    {
        var signals = new SystemSignals(_systems, new SystemEvaluator(new AlertTransitions(new IdGenerator(_time))), _time);
        _closer = new DriftWindowCloser(_references, _performanceReferences, _pending, _windows, signals, _time, NullLogger<DriftWindowCloser>.Instance);
    }

    [Fact]
    public async Task Close_EstimatesOutsideTheReferenceThresholds_JudgeTheWindowAtRisk_AndKeepItsPredictionsForLabels()
    {
        var system = System(PredictionExtractionTests.Binary(), referenceVersion: "v1");
        _performanceReferences.Add(system.Id, "v1", CalibratedReference(rocAucLower: 0.9));
        var state = StateWith(Predictions(200, probability: 0.5, target: null));
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        var performance = Assert.Single(_windows.Saved).Performance;
        Assert.NotNull(performance);
        Assert.Equal((200L, 0L), (performance.Rows, performance.LabeledRows));
        Assert.Null(performance.Realized);
        Assert.Equal(0.5, performance.Estimated![PerformanceMetrics.RocAuc]!.Value, 9);
        var alert = Assert.Single(performance.Alerts);
        Assert.Equal((PerformanceMetrics.RocAuc, PerformanceAlert.Estimated), (alert.Metric, alert.Source));
        var verdict = _systems[system.Id].Signals.Performance?.Estimated;
        Assert.NotNull(verdict);
        Assert.Equal((WindowStart, PerformanceMetrics.RocAuc), (verdict.WindowStart, Assert.Single(verdict.Breaches).Metric));
        Assert.Contains((await _systems.GetAsync(system.Id))!.ActiveAlerts, a => a.Kind == AlertKinds.PerformanceAtRisk);
        var pending = Assert.Single(_pending.Saved);
        Assert.Equal((WindowStart, WindowStart + Hour, 200), (pending.WindowStart, pending.WindowEnd, pending.Predictions.Kept.Count));
    }

    [Fact]
    public async Task Close_DropsPendingWindowsPastTheirLabelWait_AndKeepsTheOthers()
    {
        var system = System(PredictionExtractionTests.Binary() with { LabelWait = TimeSpan.FromDays(1) }, referenceVersion: null);
        var expired = WindowStart - TimeSpan.FromDays(2);
        var waiting = WindowStart - TimeSpan.FromHours(12);
        await _pending.CreateAsync(system.Id, expired, expired + Hour, Predictions(2, probability: 0.5, target: null));
        await _pending.CreateAsync(system.Id, waiting, waiting + Hour, Predictions(2, probability: 0.5, target: null));
        var state = StateWith(Predictions(10, probability: 0.5, target: null));
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        Assert.Equal([waiting, WindowStart], _pending.Saved.Select(p => p.WindowStart).Order());
    }

    [Fact]
    public async Task Close_WhenAConcurrentCloseStoredTheWindowAndLabelsArrived_JudgesWithThoseLabels()
    {
        var settings = PredictionExtractionTests.Binary() with
        {
            Metrics = [PerformanceMetrics.Accuracy],
            Thresholds = [new PerformanceThreshold(PerformanceMetrics.Accuracy, 0.9, null)],
        };
        var system = System(settings, referenceVersion: null);
        var stale = Predictions(100, probability: 0.8, target: null);
        var labeled = Predictions(100, probability: 0.8, target: i => i % 2 == 0 ? "1" : "0");
        await _pending.CreateAsync(system.Id, WindowStart, WindowStart + Hour, labeled);
        var state = StateWith(stale);
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        var performance = Assert.Single(_windows.Saved).Performance!;
        Assert.Equal(100L, performance.LabeledRows);
        Assert.Equal(0.5, performance.Realized![PerformanceMetrics.Accuracy]!.Value, 9);
        Assert.All(Assert.Single(_pending.Saved).Predictions.Kept, r => Assert.NotNull(r.Target));
    }

    [Fact]
    public async Task Close_WithoutAReference_JudgesRealizedMetricsAgainstGivenThresholds_AndSaysWhatIsMissing()
    {
        var settings = PredictionExtractionTests.Binary() with
        {
            Metrics = [PerformanceMetrics.Accuracy],
            Thresholds = [new PerformanceThreshold(PerformanceMetrics.Accuracy, 0.9, null)],
        };
        var system = System(settings, referenceVersion: null);
        var state = StateWith(Predictions(100, probability: 0.8, target: i => i % 2 == 0 ? "1" : "0"));
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        var performance = Assert.Single(_windows.Saved).Performance!;
        Assert.Equal(0.5, performance.Realized![PerformanceMetrics.Accuracy]!.Value, 9);
        Assert.Null(performance.Estimated);
        Assert.Contains("No performance reference", performance.Note, StringComparison.Ordinal);
        Assert.Equal(PerformanceAlert.Realized, Assert.Single(performance.Alerts).Source);
        Assert.Equal(PerformanceMetrics.Accuracy, Assert.Single(_systems[system.Id].Signals.Performance!.Realized!.Breaches).Metric);
        Assert.Contains((await _systems.GetAsync(system.Id))!.ActiveAlerts, a => a.Kind == AlertKinds.PerformanceDegraded);
        Assert.Empty(_pending.Saved);
    }

    [Fact]
    public async Task Close_AWindowWithOnlyModelOutputs_IsClosedAndJudged()
    {
        var system = System(PredictionExtractionTests.Binary(), referenceVersion: null);
        var state = new TelemetryState();
        state.Windows[WindowStart] = new OpenWindow(new DatasetProfile()) { Predictions = Predictions(10, probability: 0.5, target: null) };
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        Assert.Equal(10, Assert.Single(_windows.Saved).Performance!.Rows);
    }

    [Fact]
    public async Task Close_ForASystemWithoutPerformanceSettings_HasNoPerformance()
    {
        var system = System(null, referenceVersion: null);
        var state = StateWith(Predictions(10, probability: 0.5, target: null));
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        Assert.Null(Assert.Single(_windows.Saved).Performance);
        Assert.Empty(_pending.Saved);
    }

    [Fact]
    public async Task Close_PredictionsThatShifted_AreReportedAsDriftedColumnsLikeInputs()
    {
        var system = System(PredictionExtractionTests.Binary(), referenceVersion: "v1");
        _references.Add(system.Id, "v1", PredictionProfile(rows: 1000, positives: 100));
        var state = StateWith(Predictions(1000, probability: 0.5, target: null));
        state.Windows[WindowStart].Profile = PredictionProfile(rows: 1000, positives: 800);
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        var record = Assert.Single(_windows.Saved);
        Assert.Contains("pred", record.DriftedColumns);
        Assert.Contains("pred", _systems[system.Id].Signals.Drift!.DriftedColumns);
    }

    private MonitoredSystem System(PerformanceSettings? settings, string? referenceVersion)
    {
        var system = new SystemBuilder().WithLastHeartbeat(_time.GetUtcNow()).Build();
        system = system with { Performance = settings, Signals = system.Signals with { ReferenceVersion = referenceVersion } };
        _systems.Add(system);
        return system;
    }

    /// <summary>A reference whose calibration is the identity, with a band for roc_auc.</summary>
    private static PerformanceReference CalibratedReference(double rocAucLower) => new(
        PerformanceTask.BinaryClassification,
        ["0", "1"],
        1000,
        2,
        new Dictionary<string, double?>(),
        new Dictionary<string, MetricThreshold> { [PerformanceMetrics.RocAuc] = new(rocAucLower, 1) },
        [new IsotonicCalibrator([0.0, 1.0], [0.0, 1.0])]);

    private static WindowPredictions Predictions(int rows, double probability, Func<int, string>? target)
    {
        var predictions = WindowPredictions.For("sys", WindowStart);
        for (var i = 0; i < rows; i++)
        {
            predictions.Add(new PredictionRecord($"id-{i}", "1", [probability], target?.Invoke(i)));
        }

        return predictions;
    }

    private static TelemetryState StateWith(WindowPredictions predictions)
    {
        var state = new TelemetryState();
        var profile = PredictionProfile(rows: (int)predictions.Rows, positives: (int)predictions.Rows / 2);
        state.Windows[WindowStart] = new OpenWindow(profile) { Predictions = predictions };
        return state;
    }

    private static DatasetProfile PredictionProfile(int rows, int positives)
    {
        var profile = new DatasetProfile(ProfileSettings.Default);
        var column = profile.Column("pred");
        for (var i = 0; i < rows; i++)
        {
            column.Add(i < positives ? 1 : 0);
        }

        profile.Rows = rows;
        return profile;
    }
}
