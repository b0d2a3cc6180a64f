namespace GapMonitor.Core.Ownership;

public enum OwnershipState
{
    /// <summary>Not confirmed yet; the deadline has not passed.</summary>
    Due,

    /// <summary>Confirmed, and the next confirmation is not due yet.</summary>
    Confirmed,

    /// <summary>The deadline passed without a confirmation.</summary>
    Overdue,
}
