namespace GapMonitor.Core.Telemetry.Sources;

/// <summary>A container URI without its query (where a SAS lives): scheme, host, port and path are what identify it.</summary>
public static class ContainerAddress
{
    public static bool HasSas(Uri containerUri)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        return containerUri.Query.Contains("sig=", StringComparison.OrdinalIgnoreCase);
    }

    public static bool SameContainer(Uri a, Uri b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    /// <summary>Lower-case scheme and host, explicit port, path without a trailing slash, no query or fragment.</summary>
    public static string Normalize(Uri containerUri)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        return $"{containerUri.Scheme.ToLowerInvariant()}://{containerUri.IdnHost.ToLowerInvariant()}:{containerUri.Port}{containerUri.AbsolutePath.TrimEnd('/')}";
    }
}
