namespace GapMonitor.Api.Contracts;

public sealed record SystemList(IReadOnlyList<SystemResponse> Items, string? Next) : ListPage<SystemResponse>(Items, Next);
