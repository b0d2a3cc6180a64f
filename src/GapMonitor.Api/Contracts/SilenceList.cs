namespace GapMonitor.Api.Contracts;

public sealed record SilenceList(IReadOnlyList<SilenceResponse> Items, string? Next) : ListPage<SilenceResponse>(Items, Next);
