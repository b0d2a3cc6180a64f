using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Alerts;

/// <summary>What an alert names when it opens, beyond its summary: drifted columns, or metrics outside their thresholds.</summary>
public sealed record AlertFacts(IReadOnlyList<string>? Columns = null, IReadOnlyList<MetricBreach>? Metrics = null);
