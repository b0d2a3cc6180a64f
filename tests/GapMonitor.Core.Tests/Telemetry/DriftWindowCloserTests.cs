using System.Text.Json;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Drift;
using GapMonitor.Drift.Distributions;
using GapMonitor.Drift.Profiles;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Telemetry;

public class DriftWindowCloserTests
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

    public DriftWindowCloserTests()
    {
        var signals = new SystemSignals(_systems, new SystemEvaluator(new AlertTransitions(new IdGenerator(_time))), _time);
        _closer = new DriftWindowCloser(_references, _performanceReferences, _pending, _windows, signals, _time, NullLogger<DriftWindowCloser>.Instance);
    }

    [Fact]
    public async Task CloseDue_BeforeTheWindowEnds_KeepsItOpen()
    {
        var state = StateWithWindow(rows: 50);

        await _closer.CloseDueAsync(System(), state, Hour);

        Assert.Single(state.Windows);
        Assert.Null(state.ClosedThrough);
        Assert.Empty(_windows.Saved);
    }

    [Fact]
    public async Task CloseDue_AfterTheWindowEnds_StoresItsRecord_AndLaterRowsOfItAreLate()
    {
        var state = StateWithWindow(rows: 50);
        _time.Advance(TimeSpan.FromMinutes(30));

        await _closer.CloseDueAsync(System(), state, Hour);

        var record = Assert.Single(_windows.Saved);
        Assert.Equal((WindowStart, WindowStart + Hour, 50L), (record.WindowStart, record.WindowEnd, record.Rows));
        Assert.Empty(state.Windows);
        Assert.Equal(WindowStart, state.ClosedThrough);
        Assert.Null(state.WindowFor(WindowStart.AddMinutes(10), Hour, ProfileSettings.Default));
    }

    [Fact]
    public async Task CloseDue_WithoutAReference_StoresANote_AndLeavesTheSystemAlone()
    {
        var system = System();
        var state = StateWithWindow(rows: 50);
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        var record = Assert.Single(_windows.Saved);
        Assert.Null(record.ReportJson);
        Assert.Contains("No reference", record.Note, StringComparison.Ordinal);
        Assert.Null(_systems[system.Id].Signals.Drift);
    }

    [Fact]
    public async Task CloseDue_WithAReference_RecordsTheOutcomeOnTheSystem()
    {
        var system = System(referenceVersion: "v1");
        _references.Add(system.Id, "v1", Profile(rows: 200));
        var state = StateWithWindow(rows: 200);
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        var record = Assert.Single(_windows.Saved);
        Assert.NotNull(record.ReportJson);
        Assert.False(record.DatasetDrift);
        var drift = _systems[system.Id].Signals.Drift;
        Assert.NotNull(drift);
        Assert.Equal((WindowStart, WindowStart + Hour, false, 1), (drift.WindowStart, drift.WindowEnd, drift.DatasetDrift, drift.CleanStreak));
    }

    [Fact]
    public async Task CloseDue_WithAReference_StoresEachColumnsDistributionsWithTheWindow()
    {
        var system = System(referenceVersion: "v1");
        _references.Add(system.Id, "v1", Profile(rows: 200));
        var state = StateWithWindow(rows: 50);
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        var distribution = Assert.Single(Assert.Single(_windows.Saved).Distributions!);
        Assert.Equal(("score", ColumnType.Numeric, 200L, 50L), (distribution.Column, distribution.Type, distribution.ReferenceCount, distribution.CurrentCount));
        Assert.Equal(DistributionCalculator.DefaultBars, distribution.Bins.Count);
        Assert.Equal((0.0, 99.0), (distribution.Bins[0].Lower!.Value, distribution.Bins[^1].Upper!.Value));
        Assert.Equal(1.0, distribution.Bins.Sum(b => b.Reference), 9);
        Assert.Equal(1.0, distribution.Bins.Sum(b => b.Current), 9);
        Assert.Equal(5.0 / 50, distribution.Bins[0].Current, 12);
    }

    [Fact]
    public async Task CloseDue_WithoutAReference_StoresNoDistributions()
    {
        var state = StateWithWindow(rows: 50);
        _time.Advance(Hour);

        await _closer.CloseDueAsync(System(), state, Hour);

        Assert.Null(Assert.Single(_windows.Saved).Distributions);
    }

    [Fact]
    public async Task CloseDue_AnEndedWindowWithoutRows_IsDroppedWithoutARecord()
    {
        var state = StateWithWindow(rows: 0);
        _time.Advance(Hour);

        await _closer.CloseDueAsync(System(), state, Hour);

        Assert.Empty(state.Windows);
        Assert.Empty(state.Closing);
        Assert.Empty(_windows.Saved);
    }

    [Fact]
    public async Task CloseDue_WhenStoringFails_KeepsTheWindowAndTriesAgainOnlyFromItsRetryTime()
    {
        var state = StateWithWindow(rows: 50);
        _time.Advance(Hour);
        _windows.FailuresToCause = 1;

        await _closer.CloseDueAsync(System(), state, Hour);
        var waiting = Assert.Single(state.Closing);
        Assert.Equal((1, _time.GetUtcNow() + TimeSpan.FromMinutes(1), nameof(IOException)), (waiting.Attempts, waiting.RetryAt, waiting.LastError));

        await _closer.CloseDueAsync(System(), state, Hour);
        Assert.Empty(_windows.Saved);

        _time.Advance(TimeSpan.FromMinutes(1));
        await _closer.CloseDueAsync(System(), state, Hour);
        Assert.Single(_windows.Saved);
        Assert.Empty(state.Closing);
    }

    [Fact]
    public async Task CloseDue_MoreOpenWindowsThanTheBound_ClosesTheOldestEarly()
    {
        var state = new TelemetryState();
        for (var i = 0; i <= TelemetryState.MaxOpenWindows; i++)
        {
            state.Windows[WindowStart + (i * Hour)] = new OpenWindow(Profile(rows: 10));
        }

        await _closer.CloseDueAsync(System(), state, Hour);

        Assert.Equal(TelemetryState.MaxOpenWindows, state.Windows.Count);
        Assert.Equal(WindowStart, Assert.Single(_windows.Saved).WindowStart);
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(double.MaxValue)]
    public async Task CloseDue_ValuesSpanningTheWholeDoubleRange_StoresTheWindowWithFiniteDistributions(double extreme)
    {
        var system = System(referenceVersion: "v1");
        _references.Add(system.Id, "v1", Profile(rows: 200));
        var window = Profile(rows: 200);
        window.Column("score").Add(-extreme);
        window.Column("score").Add(extreme);
        var state = new TelemetryState();
        state.Windows[WindowStart] = new OpenWindow(window);
        _time.Advance(Hour);

        await _closer.CloseDueAsync(system, state, Hour);

        var record = Assert.Single(_windows.Saved);
        Assert.NotNull(record.ReportJson);
        var bins = Assert.Single(record.Distributions!).Bins;
        Assert.All(bins, b => Assert.True(double.IsFinite(b.Lower!.Value) && double.IsFinite(b.Upper!.Value) && double.IsFinite(b.Reference) && double.IsFinite(b.Current), b.ToString()));
        Assert.NotEmpty(JsonSerializer.Serialize(record.Distributions));
    }

    private MonitoredSystem System(string? referenceVersion = null)
    {
        var system = new SystemBuilder().WithLastHeartbeat(_time.GetUtcNow()).Build();
        system = system with { Signals = system.Signals with { ReferenceVersion = referenceVersion } };
        _systems.Add(system);
        return system;
    }

    private static TelemetryState StateWithWindow(int rows)
    {
        var state = new TelemetryState();
        state.Windows[WindowStart] = new OpenWindow(Profile(rows));
        return state;
    }

    private static DatasetProfile Profile(int rows)
    {
        var profile = new DatasetProfile(ProfileSettings.Default);
        var column = profile.Column("score");
        for (var i = 0; i < rows; i++)
        {
            column.Add(i % 100);
        }

        profile.Rows = rows;
        return profile;
    }
}
