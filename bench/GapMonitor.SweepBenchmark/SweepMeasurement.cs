using System.Globalization;
using GapMonitor.Core.Sweeping;

namespace GapMonitor.SweepBenchmark;

/// <summary>One measured sweep: wall time (split at the first outbox query), storage requests and peak memory.</summary>
public sealed record SweepMeasurement(
    string Scenario,
    int Systems,
    TimeSpan Elapsed,
    TimeSpan Evaluate,
    TimeSpan Deliver,
    RequestCounts Requests,
    RequestCounts EvaluateRequests,
    double? PeakMegabytes,
    SweepSummary Summary)
{
    public double RequestsPerSystem => (double)Requests.Total / Systems;

    /// <summary>A row of the table in docs/benchmarks.md.</summary>
    public string ToMarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Systems:N0} | {Scenario} | {Elapsed.TotalSeconds:0.0} | {Evaluate.TotalSeconds:0.0} / {Deliver.TotalSeconds:0.0} | {Requests.Total:N0} | {RequestsPerSystem:0.###} | {(Requests.Total == 0 ? "–" : Requests.ToString())} | {PeakMegabytes:0} |");

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Scenario}: {Elapsed.TotalSeconds:0.00} s (evaluate {Evaluate.TotalSeconds:0.00} s, {EvaluateRequests}; deliver {Deliver.TotalSeconds:0.00} s), " +
        $"{Requests.Total} requests ({Requests}), {RequestsPerSystem:0.###}/system, peak {PeakMegabytes:0} MB; " +
        $"opened {Summary.AlertsOpened}, resolved {Summary.AlertsResolved}, delivered {Summary.NotificationsDelivered}, " +
        $"retrying {Summary.NotificationsRetrying}, failed {Summary.NotificationsFailed}, conflicts {Summary.Conflicts}");
}
