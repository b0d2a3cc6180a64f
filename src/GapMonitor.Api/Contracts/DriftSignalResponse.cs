namespace GapMonitor.Api.Contracts;

public sealed record DriftSignalResponse(DateTimeOffset WindowStart, DateTimeOffset WindowEnd, bool DatasetDrift, IReadOnlyList<string> DriftedColumns, double DriftShare, int CleanStreak, int DriftedColumnCount);
