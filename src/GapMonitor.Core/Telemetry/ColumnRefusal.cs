namespace GapMonitor.Core.Telemetry;

/// <param name="Field">The refused column as a field of the batch: <c>[row].name</c>.</param>
public sealed record ColumnRefusal(string Field, string Message);
