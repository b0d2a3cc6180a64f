namespace GapMonitor.Api.Contracts;

public sealed record ModelRequest(string? Name, string? Version);
