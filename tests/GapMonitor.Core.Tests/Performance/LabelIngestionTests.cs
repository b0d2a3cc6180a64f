using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Drift.Performance;
using GapMonitor.Drift.Profiles;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Performance;

public class LabelIngestionTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly DateTimeOffset Today = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closed = Today - (3 * Day);

    private readonly FakeTimeProvider _time = new(Today.AddHours(12));
    private readonly InMemorySystemStore _systems = new();
    private readonly InMemoryTelemetryStateStore _states = new();
    private readonly InMemoryPendingPredictionStore _pending = new();
    private readonly InMemoryDriftWindowStore _windows = new();
    private readonly FittedPerformanceReferences _references = new();
    private readonly LabelIngestion _labels;
    private readonly MonitoredSystem _system;

    public LabelIngestionTests()
    {
        var signals = new SystemSignals(_systems, new SystemEvaluator(new AlertTransitions(new IdGenerator(_time))), _time);
        var closer = new DriftWindowCloser(new InMemoryReferenceProfiles(), _references, _pending, _windows, signals, _time, NullLogger<DriftWindowCloser>.Instance);
        var ingestion = new TelemetryIngestion(_states, closer, _systems, signals, _time);
        _labels = new LabelIngestion(ingestion, _states, _pending, _windows, _references, signals, _time, NullLogger<LabelIngestion>.Instance);
        _system = new SystemBuilder().WithLastHeartbeat(_time.GetUtcNow()).Build() with
        {
            Telemetry = new TelemetrySettings { DriftWindow = Day },
            Performance = new PerformanceSettings
            {
                Task = PerformanceTask.BinaryClassification,
                Prediction = "churn_pred",
                Probability = "churn_proba",
                Target = "churned",
                ChunkRows = 2,
                Thresholds = [new PerformanceThreshold("roc_auc", 0.8, null)],
            },
        };
        _systems.Add(_system);
    }

    [Fact]
    public async Task Ingest_LabelsForAnOpenWindow_JoinItsKeptPredictions_AndCountTheLabelsThatFoundNone()
    {
        await OpenWindowAsync(Today, Predictions("a", "b"));

        var outcome = await _labels.IngestAsync(_system, "batch-1", [new("a", "1"), new("nobody", "1"), new("b", "0")]);

        Assert.Equal(new LabelOutcome("batch-1", 3, 2, 1, 0, false), outcome);
        var window = _states[_system.Id]!.Windows[Today];
        Assert.Equal(["1", "0"], window.Predictions!.Kept.Select(r => r.Target));
    }

    [Fact]
    public async Task Ingest_LabelsForAWindowClosedWithinLabelWait_UpdateItsStoredPerformance_AndOpenPerformanceDegraded()
    {
        await ClosedWindowAsync(Closed, Predictions(Ids(8)));

        var outcome = await _labels.IngestAsync(_system, "batch-1", Wrong(Ids(8)));

        Assert.Equal(new LabelOutcome("batch-1", 8, 8, 0, 1, false), outcome);
        var performance = (await _windows.GetAsync(_system.Id, Closed))!.Performance!;
        Assert.Equal((8L, 8L), (performance.Rows, performance.LabeledRows));
        Assert.Equal(0.0, performance.Realized!["roc_auc"]);
        Assert.All(_pending[_system.Id, Closed]!.Predictions.Kept, r => Assert.NotNull(r.Target));
        var stored = (await _systems.GetAsync(_system.Id))!;
        var realized = stored.System.Signals.Performance!.Realized!;
        Assert.Equal((Closed, Closed + Day, 8L), (realized.WindowStart, realized.WindowEnd, realized.Rows));
        Assert.Equal("roc_auc", Assert.Single(realized.Breaches).Metric);
        Assert.Contains(stored.ActiveAlerts, a => a.Kind == AlertKinds.PerformanceDegraded);
        Assert.Equal(["v1"], _references.Asked);
    }

    [Fact]
    public async Task Ingest_TheSameBatchAgain_ChangesNothing_AndAnswersTheSameCounts()
    {
        await ClosedWindowAsync(Closed, Predictions(Ids(8)));
        var first = await _labels.IngestAsync(_system, "batch-1", Wrong(Ids(8)));
        var replaces = _pending.Replaces;
        var saves = _states.Saves;

        var again = await _labels.IngestAsync(_system, "batch-1", Right(Ids(8)));

        Assert.Equal(first with { Duplicate = true }, again);
        Assert.Equal(replaces, _pending.Replaces);
        Assert.Equal(saves, _states.Saves);
        Assert.Equal(0.0, (await _windows.GetAsync(_system.Id, Closed))!.Performance!.Realized!["roc_auc"]);
    }

    [Fact]
    public async Task Ingest_ALaterBatchForTheSameIds_ReplacesTheTargets_AndJudgesTheWindowAgain()
    {
        await ClosedWindowAsync(Closed, Predictions(Ids(8)));
        await _labels.IngestAsync(_system, "batch-1", Wrong(Ids(8)));

        var outcome = await _labels.IngestAsync(_system, "batch-2", Right(Ids(8)));

        Assert.Equal(new LabelOutcome("batch-2", 8, 8, 0, 1, false), outcome);
        Assert.Equal(1.0, (await _windows.GetAsync(_system.Id, Closed))!.Performance!.Realized!["roc_auc"]);
        var realized = _systems[_system.Id].Signals.Performance!.Realized!;
        Assert.Empty(realized.Breaches);
        Assert.Equal(Closed, realized.WindowStart);
    }

    [Fact]
    public async Task Ingest_AWindowClosedLongerThanLabelWaitAgo_IsDropped_AndItsLabelsFindNothing()
    {
        var old = Today - (32 * Day);
        var recent = Today - (30 * Day);
        await ClosedWindowAsync(old, Predictions("old-1", "old-2"));
        await ClosedWindowAsync(recent, Predictions("recent-1", "recent-2"));

        var outcome = await _labels.IngestAsync(_system, "batch-1", [new("old-1", "1"), new("old-2", "0"), new("recent-1", "1")]);

        Assert.Equal(new LabelOutcome("batch-1", 3, 1, 2, 1, false), outcome);
        Assert.Null(_pending[_system.Id, old]);
        Assert.Null((await _windows.GetAsync(_system.Id, old))!.Performance!.Realized);
        Assert.NotNull(_pending[_system.Id, recent]);
        Assert.Equal(1L, (await _windows.GetAsync(_system.Id, recent))!.Performance!.LabeledRows);
    }

    [Fact]
    public async Task Ingest_WhenAPendingWindowIsReplacedConcurrently_ReadsItAgain_AndKeepsTheOtherLabels()
    {
        await ClosedWindowAsync(Closed, Predictions("a", "b"));
        var read = _pending[_system.Id, Closed]!;
        read.Predictions.Kept[1] = read.Predictions.Kept[1] with { Target = "1" };
        await _pending.ReplaceAsync(read);
        _pending.ConflictsToCause = 1;

        var outcome = await _labels.IngestAsync(_system, "batch-1", [new("a", "0")]);

        Assert.Equal(new LabelOutcome("batch-1", 1, 1, 0, 1, false), outcome);
        Assert.Equal(["0", "1"], _pending[_system.Id, Closed]!.Predictions.Kept.Select(r => r.Target));
    }

    [Fact]
    public async Task Ingest_WhenAnotherBatchLabelsTheWindowRightAfterThisOne_TheWindowIsJudgedAgainOnWhatIsStoredNow()
    {
        await ClosedWindowAsync(Closed, Predictions("a", "b"));
        _pending.AfterNextReplace = store => store.SetTarget(_system.Id, Closed, "b", "0");

        var outcome = await _labels.IngestAsync(_system, "batch-1", [new("a", "0")]);

        Assert.Equal(new LabelOutcome("batch-1", 1, 1, 0, 1, false), outcome);
        Assert.Equal(2L, (await _windows.GetAsync(_system.Id, Closed))!.Performance!.LabeledRows);
        Assert.Equal(2L, _systems[_system.Id].Signals.Performance!.Realized!.Rows);
    }

    [Fact]
    public async Task Ingest_AnIdInSeveralWindows_LabelsEach_AndCountsTheLabelOnce()
    {
        await OpenWindowAsync(Today, Predictions("shared"));
        await ClosedWindowAsync(Closed, Predictions("shared", "other"));

        var outcome = await _labels.IngestAsync(_system, "batch-1", [new("shared", "1")]);

        Assert.Equal(new LabelOutcome("batch-1", 1, 1, 0, 1, false), outcome);
        Assert.Equal("1", Assert.Single(_states[_system.Id]!.Windows[Today].Predictions!.Kept).Target);
        Assert.Equal(["1", null], _pending[_system.Id, Closed]!.Predictions.Kept.Select(r => r.Target));
    }

    [Fact]
    public async Task Ingest_ForASystemWithoutPerformanceSettings_IsRefused()
    {
        var plain = _system with { Performance = null };

        await Assert.ThrowsAsync<InvalidOperationException>(() => _labels.IngestAsync(plain, "batch-1", [new("a", "1")]));
    }

    private static string[] Ids(int count) => [.. Enumerable.Range(0, count).Select(i => $"r{i}")];

    /// <summary>Even rows predicted 1 (probability 0.9 and falling), odd ones 0 (0.1 and rising).</summary>
    private static WindowPredictions Predictions(params string[] ids)
    {
        var predictions = new WindowPredictions { Rows = ids.Length };
        for (var i = 0; i < ids.Length; i++)
        {
            predictions.Kept.Add(new PredictionRecord(ids[i], Predicted(i), [i % 2 == 0 ? 0.9 - (0.01 * i) : 0.1 + (0.01 * i)], null));
        }

        return predictions;
    }

    private static string Predicted(int i) => i % 2 == 0 ? "1" : "0";

    private static Label[] Wrong(string[] ids) => [.. ids.Select((id, i) => new Label(id, Predicted(i + 1)))];

    private static Label[] Right(string[] ids) => [.. ids.Select((id, i) => new Label(id, Predicted(i)))];

    private async Task OpenWindowAsync(DateTimeOffset start, WindowPredictions predictions)
    {
        var state = new TelemetryState();
        state.Windows[start] = new OpenWindow(new DatasetProfile(ProfileSettings.Default)) { Predictions = predictions };
        await _states.SaveAsync(_system.Id, state, null);
    }

    /// <summary>A closed window as the closer leaves it: its record with performance judged without labels, and its predictions pending.</summary>
    private async Task ClosedWindowAsync(DateTimeOffset start, WindowPredictions predictions)
    {
        var performance = new WindowPerformance(predictions.Rows, 0, null, null, new Dictionary<string, MetricThreshold>(), [], null);
        await _windows.SaveAsync(new DriftWindowRecord(_system.Id, start, start + Day, predictions.Rows, "v1", false, [], 0, null, [], new Dictionary<string, long>(), null, performance));
        await _pending.CreateAsync(_system.Id, start, start + Day, predictions);
    }
}
