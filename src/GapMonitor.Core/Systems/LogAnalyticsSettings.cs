namespace GapMonitor.Core.Systems;

/// <summary>A Log Analytics workspace and the KQL queries that find deployments and monitoring runs (null = the defaults).</summary>
public sealed record LogAnalyticsSettings(Guid WorkspaceId, string? DeploymentsQuery, string? MonitoringRunsQuery);
