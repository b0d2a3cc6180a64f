namespace GapMonitor.Api.Contracts;

/// <summary>The latest closed drift window of a system.</summary>
public sealed record FleetDriftResponse(DateTimeOffset WindowEnd, bool DatasetDrift, double DriftShare);
