using GapMonitor.Core.Keys;

namespace GapMonitor.Core.Silences;

/// <param name="CreatedBy">The side that creates it (the other side is told).</param>
/// <param name="Actor">The name the audit records (an API caller's name, or an action link's recipient).</param>
/// <param name="CanSee">Whether a system is within the author's scope; outside it the system is not found.</param>
public sealed record SilenceAuthor(SilenceCreator CreatedBy, string Actor, Func<Systems.MonitoredSystem, bool> CanSee)
{
    /// <summary>An API caller: admin, vendor or customer key (ingest keys may not silence).</summary>
    public static SilenceAuthor Of(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var createdBy = principal.Role switch
        {
            Role.Admin => SilenceCreator.Admin,
            Role.Vendor => SilenceCreator.Vendor,
            Role.Customer => SilenceCreator.Customer,
            _ => throw new ArgumentException("Ingest keys may not create silences.", nameof(principal)),
        };
        return new SilenceAuthor(createdBy, principal.Name, principal.CanSee);
    }
}
