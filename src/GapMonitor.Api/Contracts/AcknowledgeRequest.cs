namespace GapMonitor.Api.Contracts;

public sealed record AcknowledgeRequest(string? By, string? Note);
