namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// An Azure ML model data-collector output: a Blob container and the prefix under which
/// <c>{yyyy}/{MM}/{dd}/{HH}/{file}.jsonl</c> hour folders are written. A SAS in the container URI's query is the credential;
/// without one the service's own identity is used.
/// </summary>
public sealed record InferenceLogSource(Uri ContainerUri, string Prefix)
{
    /// <summary>The prefix without leading or trailing slashes ("" for the container root).</summary>
    public string NormalizedPrefix => Prefix.Trim('/');

    /// <summary>True when the container URI carries a shared access signature.</summary>
    public bool HasSas => Core.Telemetry.Sources.ContainerAddress.HasSas(ContainerUri);
}
