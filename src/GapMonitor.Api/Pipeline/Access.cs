using GapMonitor.Core.Keys;

namespace GapMonitor.Api.Pipeline;

/// <summary>Which roles may call a route. Scope (which systems) is checked by the handler: outside it is a 404.</summary>
public sealed record Access(bool Anonymous, IReadOnlySet<Role> Roles)
{
    public static readonly Access Anyone = new(true, new HashSet<Role>());
    public static readonly Access AdminOnly = new(false, new HashSet<Role> { Role.Admin });
    public static readonly Access AdminOrVendor = new(false, new HashSet<Role> { Role.Admin, Role.Vendor });
    public static readonly Access AdminOrCustomer = new(false, new HashSet<Role> { Role.Admin, Role.Customer });
    public static readonly Access AnyRole = new(false, new HashSet<Role> { Role.Admin, Role.Vendor, Role.Customer });
    public static readonly Access Signals = new(false, new HashSet<Role> { Role.Admin, Role.Vendor, Role.Customer, Role.Ingest });
}
