namespace GapMonitor.Core.Telemetry.Sources;

/// <summary>Why a telemetry source may not be read: the request field it comes from and a message for the caller.</summary>
public sealed record SourceRefusal(string Field, string Message);
