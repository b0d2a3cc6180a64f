using GapMonitor.Core.Alerts;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Drift.Profiles;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Telemetry;

public class TelemetryIngestionTests
{
    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly InMemoryTelemetryStateStore _states = new();
    private readonly InMemoryDriftWindowStore _windows = new();
    private readonly InMemorySystemStore _systems = new();
    private readonly TelemetryIngestion _ingestion;

    public TelemetryIngestionTests()
    {
        var signals = new SystemSignals(_systems, new SystemEvaluator(new AlertTransitions(new IdGenerator(_time))), _time);
        var closer = new DriftWindowCloser(new InMemoryReferenceProfiles(), new FittedPerformanceReferences(), new RecordingPendingPredictionStore(), _windows, signals, _time, NullLogger<DriftWindowCloser>.Instance);
        _ingestion = new TelemetryIngestion(_states, closer, _systems, signals, _time);
    }

    [Fact]
    public async Task Update_SavesTheChangedState()
    {
        var system = Register();

        await _ingestion.UpdateAsync(system, state => Count(state, 10));

        Assert.Equal(10, _states[system.Id]!.RecordsRead);
    }

    [Fact]
    public async Task Update_OnAConflict_RunsTheChangeAgainOnTheStateAsStored()
    {
        var system = Register();
        await _ingestion.UpdateAsync(system, state => Count(state, 5));
        _states.ConflictsToCause = 1;
        var runs = 0;

        await _ingestion.UpdateAsync(system, state =>
        {
            runs++;
            return Count(state, 10);
        });

        Assert.Equal(2, runs);
        Assert.Equal(2, _states.Saves);
        Assert.Equal(15, _states[system.Id]!.RecordsRead);
    }

    [Fact]
    public async Task Update_ConflictingFiveTimes_GivesUp()
    {
        var system = Register();
        _states.ConflictsToCause = 5;
        var runs = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _ingestion.UpdateAsync(system, state =>
        {
            runs++;
            return Count(state, 1);
        }));

        Assert.Equal(5, runs);
        Assert.Null(_states[system.Id]);
    }

    [Fact]
    public async Task Update_WhenRowsArrive_RecordsTheArrivalAndModelVersionOnTheSystem()
    {
        var system = Register();
        _time.Advance(TimeSpan.FromMinutes(7));

        var delta = await _ingestion.UpdateAsync(system, _ => Task.FromResult(new TelemetryDelta(3, "v2", null)));

        Assert.Equal(3, delta.Rows);
        Assert.Equal(_time.GetUtcNow(), _systems[system.Id].Signals.LastTelemetryAt);
        Assert.Equal("v2", _systems[system.Id].Signals.LastSeenModelVersion);
    }

    [Fact]
    public async Task Update_WithNothingNew_LeavesTheSystemAlone()
    {
        var system = Register();

        await _ingestion.UpdateAsync(system, _ => Task.FromResult(TelemetryDelta.None));

        Assert.Empty(_systems.Applied);
        Assert.Null(_systems[system.Id].Signals.LastTelemetryAt);
    }

    [Fact]
    public async Task Update_ClosesTheWindowsThatEndedInTheSameWrite()
    {
        var system = Register(new TelemetrySettings { DriftWindow = TimeSpan.FromHours(1) });

        await _ingestion.UpdateAsync(system, state => Fold(state, SystemBuilder.Epoch.AddMinutes(10), TimeSpan.FromHours(1)));
        _time.Advance(TimeSpan.FromHours(2));
        await _ingestion.UpdateAsync(system, _ => Task.FromResult(TelemetryDelta.None));

        Assert.Empty(_states[system.Id]!.Windows);
        Assert.Equal(SystemBuilder.Epoch, Assert.Single(_windows.Saved).WindowStart);
    }

    [Fact]
    public async Task Update_WithoutADriftWindowSetting_UsesOneDayWindows()
    {
        var system = Register();

        await _ingestion.UpdateAsync(system, state => Fold(state, SystemBuilder.Epoch.AddMinutes(10), TimeSpan.FromDays(1)));
        _time.Advance(TimeSpan.FromHours(2));
        await _ingestion.UpdateAsync(system, _ => Task.FromResult(TelemetryDelta.None));

        Assert.Single(_states[system.Id]!.Windows);
        Assert.Empty(_windows.Saved);
    }

    private MonitoredSystem Register(TelemetrySettings? telemetry = null)
    {
        var system = new SystemBuilder().WithLastHeartbeat(SystemBuilder.Epoch).Build() with { Telemetry = telemetry };
        _systems.Add(system);
        return system;
    }

    private static Task<TelemetryDelta> Count(TelemetryState state, long records)
    {
        state.RecordsRead += records;
        return Task.FromResult(TelemetryDelta.None);
    }

    private static Task<TelemetryDelta> Fold(TelemetryState state, DateTimeOffset at, TimeSpan window)
    {
        var profile = state.WindowFor(at, window, ProfileSettings.Default)!.Profile;
        profile.Column("score").Add(0.5);
        profile.Rows++;
        return Task.FromResult(new TelemetryDelta(1, null, at));
    }
}
