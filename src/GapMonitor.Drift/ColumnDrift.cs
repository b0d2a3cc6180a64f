namespace GapMonitor.Drift;

/// <summary>The drift verdict for one column.</summary>
public sealed record ColumnDrift(
    string Name,
    ColumnType Type,
    DriftMethod Method,
    double Score,
    double Threshold,
    bool Drifted,
    DriftStatistics Statistics,
    MissingCounts Missing);
