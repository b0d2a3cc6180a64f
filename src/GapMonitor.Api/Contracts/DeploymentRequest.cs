namespace GapMonitor.Api.Contracts;

public sealed record DeploymentRequest(string? ModelVersion, DateTimeOffset? At, string? Environment, string? By);
