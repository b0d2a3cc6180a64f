namespace GapMonitor.Api.Contracts;

/// <summary>The container URI is shown without its query: a SAS is a secret.</summary>
public sealed record InferenceLogResponse(string ContainerUri, string Prefix, bool HasSas);
