namespace GapMonitor.Api.Contracts;

public sealed record CustomerSourcesResponse(
    string Customer,
    IReadOnlyList<string> Containers,
    IReadOnlyList<string> Workspaces,
    IReadOnlyList<string>? Vendors,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);
