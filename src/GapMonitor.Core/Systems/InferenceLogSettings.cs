namespace GapMonitor.Core.Systems;

/// <summary>An Azure ML model data collector container: <c>{prefix}/{yyyy}/{MM}/{dd}/{HH}/{file}.jsonl</c>. A SAS in the URI is a secret.</summary>
public sealed record InferenceLogSettings(Uri ContainerUri, string Prefix);
