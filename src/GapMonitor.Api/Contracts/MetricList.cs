namespace GapMonitor.Api.Contracts;

public sealed record MetricList(IReadOnlyList<MetricResponse> Items, string? Next) : ListPage<MetricResponse>(Items, Next);
