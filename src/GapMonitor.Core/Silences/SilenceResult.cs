namespace GapMonitor.Core.Silences;

public enum SilenceResult
{
    Created,
    Ended,

    /// <summary>Ending a silence that had already ended: nothing changed.</summary>
    AlreadyEnded,

    /// <summary>No such system or silence within the caller's scope.</summary>
    NotFound,

    /// <summary>The draft breaks <see cref="SilenceRules"/>; see the errors.</summary>
    Invalid,

    /// <summary>The system already has <see cref="SilenceRules.MaxPerSystem"/> current or future silences.</summary>
    TooMany,
}
