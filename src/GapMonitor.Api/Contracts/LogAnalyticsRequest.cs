namespace GapMonitor.Api.Contracts;

public sealed record LogAnalyticsRequest(string? WorkspaceId, string? DeploymentsQuery, string? MonitoringRunsQuery);
