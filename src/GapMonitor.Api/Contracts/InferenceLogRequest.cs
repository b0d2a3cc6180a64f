namespace GapMonitor.Api.Contracts;

public sealed record InferenceLogRequest(string? ContainerUri, string? Prefix);
