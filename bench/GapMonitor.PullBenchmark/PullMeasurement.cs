using System.Globalization;

namespace GapMonitor.PullBenchmark;

/// <summary>What one measured step (one or more <c>TelemetryPuller.PullAsync</c> calls) took.</summary>
public sealed record PullMeasurement(
    string Fleet,
    string Step,
    int Pulls,
    long Rows,
    TimeSpan Elapsed,
    RequestCounts Requests,
    int WindowsClosed,
    double? PeakMegabytes,
    double CpuSeconds,
    double? AzuriteCpuSeconds)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    public string ToMarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Fleet} | {Step} | {Pulls} | {Rows:N0} | {Elapsed.TotalSeconds:0.0} | {(Rows > 0 ? RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture) : "–")} | " +
        $"{Requests.Total:N0} | {WindowsClosed:N0} | {PeakMegabytes?.ToString("0", CultureInfo.InvariantCulture) ?? "?"} | " +
        $"{CpuSeconds:0.0} / {AzuriteCpuSeconds?.ToString("0.0", CultureInfo.InvariantCulture) ?? "?"} |");

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Fleet}, {Step}: {Pulls} pull(s), {Rows:N0} rows in {Elapsed.TotalSeconds:0.00} s = {RowsPerSecond:N0} rows/s; {WindowsClosed} windows closed; " +
        $"peak {PeakMegabytes:0} MB; CPU {CpuSeconds:0.0} s (Azurite {AzuriteCpuSeconds:0.0} s); requests {Requests.Total:N0}: {Requests}");
}
