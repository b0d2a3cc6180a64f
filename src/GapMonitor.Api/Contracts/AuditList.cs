namespace GapMonitor.Api.Contracts;

public sealed record AuditList(IReadOnlyList<AuditResponse> Items);
