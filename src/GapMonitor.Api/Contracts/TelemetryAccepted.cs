namespace GapMonitor.Api.Contracts;

public sealed record TelemetryAccepted(string SystemId, string BatchId, long Rows, bool Duplicate, DateTimeOffset WindowStart);
