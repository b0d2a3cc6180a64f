namespace GapMonitor.Drift;

/// <summary>Why a column could not be compared.</summary>
public enum SkipReason
{
    /// <summary>The column is in the reference data only.</summary>
    ReferenceOnly,

    /// <summary>The column is in the current data only.</summary>
    CurrentOnly,

    /// <summary>Every value is missing on both sides.</summary>
    AllMissing,

    /// <summary>Every reference value is missing.</summary>
    NoReferenceValues,

    /// <summary>Every current value is missing.</summary>
    NoCurrentValues,
}
