namespace GapMonitor.Api.Contracts;

public sealed record Accepted(string SystemId, DateTimeOffset ReceivedAt);
