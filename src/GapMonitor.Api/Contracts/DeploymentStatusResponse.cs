namespace GapMonitor.Api.Contracts;

public sealed record DeploymentStatusResponse(DateTimeOffset At, string? ModelVersion);
