namespace GapMonitor.Core.Telemetry.Sources;

/// <summary>Plain-http sources are allowed only where private networks are (local Azurite, tests).</summary>
public sealed record TelemetrySourceOptions(bool AllowPlainHttp);
