namespace GapMonitor.Core.Systems;

public sealed record ModelInfo(string Name, string? Version);
