namespace GapMonitor.Api.Contracts;

public sealed record DriftWindowList(IReadOnlyList<DriftWindowResponse> Items, string? Next) : ListPage<DriftWindowResponse>(Items, Next);
