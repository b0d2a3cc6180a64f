namespace GapMonitor.Api.Contracts;

public sealed record SystemList(IReadOnlyList<SystemResponse> Items);
