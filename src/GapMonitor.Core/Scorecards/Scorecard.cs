namespace GapMonitor.Core.Scorecards;

/// <summary>A system's continuity scorecard over <see cref="From"/>–<see cref="To"/>.</summary>
/// <param name="Score">0–100: the share of measures with a value that meet their target; null when none has a value.</param>
public sealed record Scorecard(string SystemId, string Name, string Vendor, string Customer, DateTimeOffset From, DateTimeOffset To, int? Score, IReadOnlyList<ScorecardMeasure> Practices);
