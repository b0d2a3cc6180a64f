namespace GapMonitor.Core.Keys;

/// <summary>
/// Who is calling, and what they may see. A customer principal with a <see cref="Vendor"/> (a key a vendor minted) sees
/// only that vendor's systems of its customer.
/// </summary>
public sealed record Principal(Role Role, string KeyId, string? Vendor = null, string? Customer = null, string? SystemId = null)
{
    public string Name => Role switch
    {
        Role.Admin => "admin",
        Role.Vendor => $"vendor:{Vendor}",
        Role.Customer when Vendor is not null => $"customer:{Customer} via vendor:{Vendor}",
        Role.Customer => $"customer:{Customer}",
        _ => $"ingest:{SystemId}",
    };

    /// <summary>
    /// Whether this caller may see the full contact details (webhook URLs) of <paramref name="party"/>: its own party's,
    /// or admin. A customer key a vendor minted does not: the vendor holds it too, and the customer's webhook URLs can
    /// carry the customer's tokens.
    /// </summary>
    public bool SeesContactsOf(Systems.Party party) => Role switch
    {
        Role.Admin => true,
        Role.Vendor => party == Systems.Party.Vendor,
        Role.Customer => party == Systems.Party.Customer && Vendor is null,
        _ => false,
    };

    /// <summary>Whether a system is inside this caller's scope (outside it, the system does not exist for them).</summary>
    public bool CanSee(Systems.MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Role switch
        {
            Role.Admin => true,
            Role.Vendor => string.Equals(system.Vendor, Vendor, StringComparison.Ordinal),
            Role.Customer => string.Equals(system.Customer, Customer, StringComparison.Ordinal)
                && (Vendor is null || string.Equals(system.Vendor, Vendor, StringComparison.Ordinal)),
            Role.Ingest => string.Equals(system.Id, SystemId, StringComparison.Ordinal),
            _ => false,
        };
    }
}
