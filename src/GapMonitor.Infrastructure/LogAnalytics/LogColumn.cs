namespace GapMonitor.Infrastructure.LogAnalytics;

/// <summary>A result column: its name and its Kusto type (<c>datetime</c>, <c>string</c>, <c>long</c>, <c>int</c>, <c>real</c>, <c>bool</c>, <c>dynamic</c>, <c>guid</c>, <c>timespan</c>, <c>decimal</c>).</summary>
public sealed record LogColumn(string Name, string Type);
