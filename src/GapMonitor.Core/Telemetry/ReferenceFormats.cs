namespace GapMonitor.Core.Telemetry;

/// <summary>The media types a reference dataset (and pushed telemetry) may come in.</summary>
public static class ReferenceFormats
{
    /// <summary>CSV with a header row.</summary>
    public const string Csv = "text/csv";

    /// <summary>One JSON object of feature → value a line.</summary>
    public const string Ndjson = "application/x-ndjson";
}
