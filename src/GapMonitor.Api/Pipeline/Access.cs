using GapMonitor.Core.Keys;

namespace GapMonitor.Api.Pipeline;

/// <summary>
/// Which roles may call a route. Scope (which systems) is checked by the handler: outside it is a 404.
/// <see cref="RecentSystemsSuffice"/>: an ingest key is checked against the system as this process read it in the last
/// <see cref="Core.Systems.RecentSystems.Lifetime"/> (the push route, where a storage read per call is the cost).
/// </summary>
public sealed record Access(bool Anonymous, IReadOnlySet<Role> Roles, bool RecentSystemsSuffice = false)
{
    public static readonly Access Anyone = new(true, new HashSet<Role>());
    public static readonly Access AdminOnly = new(false, new HashSet<Role> { Role.Admin });
    public static readonly Access AdminOrVendor = new(false, new HashSet<Role> { Role.Admin, Role.Vendor });
    public static readonly Access AdminOrCustomer = new(false, new HashSet<Role> { Role.Admin, Role.Customer });
    public static readonly Access AnyRole = new(false, new HashSet<Role> { Role.Admin, Role.Vendor, Role.Customer });
    public static readonly Access Signals = new(false, new HashSet<Role> { Role.Admin, Role.Vendor, Role.Customer, Role.Ingest });
    public static readonly Access Push = Signals with { RecentSystemsSuffice = true };
}
