namespace GapMonitor.Api.Contracts;

/// <summary>A system's new ingest key, shown once; the previous one no longer works.</summary>
public sealed record IngestKeyResponse(string IngestKey);
