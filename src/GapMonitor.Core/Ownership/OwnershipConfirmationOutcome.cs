namespace GapMonitor.Core.Ownership;

public enum OwnershipConfirmationOutcome
{
    Confirmed,

    /// <summary>No such system in the caller's scope.</summary>
    NotFound,

    /// <summary>In scope, but the caller may not confirm for the customer (a vendor, or a customer key a vendor minted).</summary>
    Forbidden,

    /// <summary>The system is retired: there are no operations to own.</summary>
    Retired,
}
