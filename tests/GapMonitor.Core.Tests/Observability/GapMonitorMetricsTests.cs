using System.Diagnostics.Metrics;
using GapMonitor.Core.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Core.Tests.Observability;

/// <summary>
/// What each <see cref="GapMonitorMetrics"/> method records, read back with a <see cref="MeterListener"/> on this test's
/// own meter (other meters named "GapMonitor" in the process are ignored): instrument, value, unit and tags, and no
/// tag outside the fixed vocabularies (never a tenant id).
/// </summary>
public sealed class GapMonitorMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<GapMonitorMetrics>().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<Recorded> _recorded = [];

    public GapMonitorMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GapMonitorMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
        Metrics = _services.GetRequiredService<GapMonitorMetrics>();
    }

    private GapMonitorMetrics Metrics { get; }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void SweepCompleted_RecordsDurationCountsAndTheLastCompletion()
    {
        var completedAt = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

        Metrics.SweepCompleted(TimeSpan.FromMilliseconds(1500), systemsEvaluated: 40, systemsFailed: 2, completedAt);
        _listener.RecordObservableInstruments();

        Assert.Equal(1.5, Single("gapmonitor.sweep.duration", "s").Value);
        Assert.Equal(1, Single("gapmonitor.sweep.completed", "{sweep}").Value);
        Assert.Equal(40, Single("gapmonitor.systems.evaluated", "{system}").Value);
        Assert.Equal(2, Single("gapmonitor.systems.failed", "{system}").Value);
        Assert.Equal(completedAt.ToUnixTimeSeconds(), Single("gapmonitor.sweep.last_completed", "s").Value);
        Assert.All(_recorded, r => Assert.Empty(r.Tags));
    }

    [Fact]
    public void Notifications_CountDeliveredFailedAndGivenUpApart()
    {
        Metrics.NotificationsDelivered(3);
        Metrics.NotificationsFailed(2);
        Metrics.NotificationsGivenUp(1);

        Assert.Equal(3, Single("gapmonitor.notifications.delivered", "{notification}").Value);
        Assert.Equal(2, Single("gapmonitor.notifications.failed", "{notification}").Value);
        Assert.Equal(1, Single("gapmonitor.notifications.given_up", "{notification}").Value);
    }

    [Fact]
    public void Telemetry_RowsAndLag_AreTaggedBySourceKindOnly_AndLagIsNeverNegative()
    {
        Metrics.RowsPushed(200);
        Metrics.RowsPulled(GapMonitorMetrics.Sources.InferenceLog, 10_000);
        Metrics.PullLag(GapMonitorMetrics.Sources.ModelOutputs, TimeSpan.FromSeconds(90));
        Metrics.PullLag(GapMonitorMetrics.Sources.Pushed, TimeSpan.FromSeconds(-5));

        Assert.Equal(200, Single("gapmonitor.telemetry.pushed_rows", "{row}").Value);
        var pulled = Single("gapmonitor.telemetry.pulled_rows", "{row}");
        Assert.Equal(10_000, pulled.Value);
        Assert.Equal(("source", GapMonitorMetrics.Sources.InferenceLog), Assert.Single(pulled.Tags));
        var lags = _recorded.Where(r => r.Name == "gapmonitor.telemetry.pull_lag").ToList();
        Assert.Equal([(90.0, GapMonitorMetrics.Sources.ModelOutputs), (0.0, GapMonitorMetrics.Sources.Pushed)], lags.Select(l => (l.Value, (string)Assert.Single(l.Tags).Value!)));
    }

    [Fact]
    public void QueueDepth_IsTheLastDepthReadPerQueue_TaggedByQueueName()
    {
        Metrics.QueueDepth("gapmonitor-shards", 12);
        Metrics.QueueDepth("gapmonitor-shards", 7);
        Metrics.QueueDepth("gapmonitor-shards-poison", 1);
        _listener.RecordObservableInstruments();

        var depths = _recorded.Where(r => r.Name == "gapmonitor.queue.depth")
            .ToDictionary(r => (string)Assert.Single(r.Tags, t => t.Key == "queue").Value!, r => r.Value, StringComparer.Ordinal);
        Assert.Equal(new Dictionary<string, double> { ["gapmonitor-shards"] = 7, ["gapmonitor-shards-poison"] = 1 }, depths);
    }

    [Fact]
    public void EveryTag_IsFromTheFixedVocabularies()
    {
        Metrics.SweepCompleted(TimeSpan.FromSeconds(1), 1, 0, DateTimeOffset.UnixEpoch);
        Metrics.NotificationsDelivered(1);
        Metrics.RowsPushed(1);
        Metrics.RowsPulled(GapMonitorMetrics.Sources.LogAnalytics, 1);
        Metrics.PullLag(GapMonitorMetrics.Sources.LogAnalytics, TimeSpan.FromSeconds(1));
        Metrics.QueueDepth("gapmonitor-shards", 1);
        _listener.RecordObservableInstruments();

        Assert.NotEmpty(_recorded);
        Assert.All(_recorded.SelectMany(r => r.Tags), t => Assert.Contains(t.Key, new[] { "source", "queue" }));
    }

    private Recorded Single(string name, string unit)
    {
        var recorded = Assert.Single(_recorded, r => r.Name == name);
        Assert.Equal(unit, recorded.Unit);
        return recorded;
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_recorded)
        {
            _recorded.Add(new Recorded(instrument.Name, instrument.Unit, value, [.. tags.ToArray().Select(t => (t.Key, t.Value))]));
        }
    }

    private sealed record Recorded(string Name, string? Unit, double Value, (string Key, object? Value)[] Tags);
}
