namespace GapMonitor.Core.Telemetry;

/// <summary>
/// Free text that comes from a tenant's telemetry (a monitoring run's message, a deployment's fields, a model version
/// read from logs) is cut to the bound the API sets for the same field before it is stored, so a table row always
/// takes it. A cut text ends with <see cref="Marker"/>.
/// </summary>
public static class TelemetryText
{
    public const string Marker = "…[truncated]";

    /// <summary>The API's bounds: heartbeat message 2000, model version and environment 100, deployed by 200.</summary>
    public const int MaxMessage = 2000;

    public const int MaxModelVersion = 100;

    public const int MaxEnvironment = 100;

    public const int MaxBy = 200;

    /// <summary>
    /// A categorical value kept in a profile (reference and telemetry alike, so equal values still match): a window keeps
    /// up to 100 categories a column, and they must not carry megabytes each.
    /// </summary>
    public const int MaxValue = 1000;

    public static string? Truncate(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxLength, Marker.Length);
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }

        var keep = maxLength - Marker.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), Marker);
    }
}
