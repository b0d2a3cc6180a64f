using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GapMonitor.Core.Observability;

/// <summary>
/// The monitor's own metrics (OpenTelemetry names, <see cref="MeterName"/>): the hosts export them as Prometheus text
/// (<c>/metrics</c> on the standalone host) and to Azure Monitor (Functions). Tags never carry tenant data (no system,
/// vendor or customer ids): only fixed vocabularies such as the source kind or the queue name.
/// </summary>
public sealed class GapMonitorMetrics : IDisposable
{
    public const string MeterName = "GapMonitor";

    private readonly Meter _meter;
    private readonly Histogram<double> _sweepDuration;
    private readonly Counter<long> _sweepsCompleted;
    private readonly Counter<long> _systemsEvaluated;
    private readonly Counter<long> _systemsFailed;
    private readonly Counter<long> _notificationsDelivered;
    private readonly Counter<long> _notificationsFailed;
    private readonly Counter<long> _notificationsGivenUp;
    private readonly Counter<long> _rowsPushed;
    private readonly Counter<long> _rowsPulled;
    private readonly Histogram<double> _pullLag;
    private readonly Counter<long> _pullBudgetExhausted;
    private readonly ConcurrentDictionary<string, long> _queueDepths = new(StringComparer.Ordinal);
    private long _lastSweepCompletedUnixSeconds;

    public GapMonitorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _sweepDuration = _meter.CreateHistogram<double>("gapmonitor.sweep.duration", "s", "Duration of one sweep (or one shard of a sweep): pull, evaluate, deliver.");
        _sweepsCompleted = _meter.CreateCounter<long>("gapmonitor.sweep.completed", "{sweep}", "Sweeps (or shards) completed.");
        _systemsEvaluated = _meter.CreateCounter<long>("gapmonitor.systems.evaluated", "{system}", "Systems evaluated by sweeps.");
        _systemsFailed = _meter.CreateCounter<long>("gapmonitor.systems.failed", "{system}", "Systems whose pull, evaluation or delivery failed in a sweep.");
        _notificationsDelivered = _meter.CreateCounter<long>("gapmonitor.notifications.delivered", "{notification}", "Notifications delivered.");
        _notificationsFailed = _meter.CreateCounter<long>("gapmonitor.notifications.failed", "{notification}", "Delivery attempts that failed and will be retried.");
        _notificationsGivenUp = _meter.CreateCounter<long>("gapmonitor.notifications.given_up", "{notification}", "Notifications given up after their last attempt (permanent failure or out of retries).");
        _rowsPushed = _meter.CreateCounter<long>("gapmonitor.telemetry.pushed_rows", "{row}", "Telemetry rows accepted over POST /telemetry.");
        _rowsPulled = _meter.CreateCounter<long>("gapmonitor.telemetry.pulled_rows", "{row}", "Telemetry rows folded by the puller, by source kind.");
        _pullLag = _meter.CreateHistogram<double>("gapmonitor.telemetry.pull_lag", "s", "Age of the newest record a pull folded, by source kind (how far the pull trails the data).");
        _pullBudgetExhausted = _meter.CreateCounter<long>(
            "gapmonitor.telemetry.pull_budget_exhausted", "{pull}",
            "System pulls that stopped at the per-pull row budget with rows left, by source kind: telemetry arrives faster than it is folded.");
        _meter.CreateObservableGauge("gapmonitor.queue.depth", ObserveQueueDepths, "{message}", "Approximate messages waiting, by queue (the last depth read).");
        _meter.CreateObservableGauge("gapmonitor.sweep.last_completed", () => Volatile.Read(ref _lastSweepCompletedUnixSeconds), "s", "Unix time of the last completed sweep (or shard).");
    }

    /// <summary>Source kinds for <see cref="RowsPulled"/> and <see cref="PullLag"/>.</summary>
    public static class Sources
    {
        public const string InferenceLog = "inference-log";
        public const string ModelOutputs = "model-outputs";
        public const string Pushed = "pushed";
        public const string LogAnalytics = "log-analytics";
    }

    public void SweepCompleted(TimeSpan duration, int systemsEvaluated, int systemsFailed, DateTimeOffset completedAt)
    {
        _sweepDuration.Record(duration.TotalSeconds);
        _sweepsCompleted.Add(1);
        _systemsEvaluated.Add(systemsEvaluated);
        _systemsFailed.Add(systemsFailed);
        Volatile.Write(ref _lastSweepCompletedUnixSeconds, completedAt.ToUnixTimeSeconds());
    }

    public void NotificationsDelivered(int count) => _notificationsDelivered.Add(count);

    public void NotificationsFailed(int count) => _notificationsFailed.Add(count);

    public void NotificationsGivenUp(int count) => _notificationsGivenUp.Add(count);

    public void RowsPushed(long rows) => _rowsPushed.Add(rows);

    public void RowsPulled(string source, long rows) => _rowsPulled.Add(rows, new KeyValuePair<string, object?>("source", source));

    public void PullBudgetExhausted(string source) => _pullBudgetExhausted.Add(1, new KeyValuePair<string, object?>("source", source));

    public void PullLag(string source, TimeSpan lag) => _pullLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("source", source));

    /// <summary>Records the depth just read of a queue (by its name, e.g. the shard queue or its poison queue).</summary>
    public void QueueDepth(string queue, long depth) => _queueDepths[queue] = depth;

    private IEnumerable<Measurement<long>> ObserveQueueDepths() =>
        _queueDepths.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key)));

    public void Dispose() => _meter.Dispose();
}
