namespace GapMonitor.Api.Contracts;

public sealed record AuditList(IReadOnlyList<AuditResponse> Items, string? Next) : ListPage<AuditResponse>(Items, Next);
