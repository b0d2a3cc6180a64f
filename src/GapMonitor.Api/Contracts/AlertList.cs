namespace GapMonitor.Api.Contracts;

public sealed record AlertList(IReadOnlyList<AlertResponse> Items, string? Next) : ListPage<AlertResponse>(Items, Next);
