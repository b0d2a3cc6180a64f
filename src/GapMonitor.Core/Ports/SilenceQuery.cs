namespace GapMonitor.Core.Ports;

/// <param name="Active">True: in effect at <paramref name="Now"/>; false: ended or not started yet; null: all.</param>
/// <param name="Vendor">Only silences of this vendor's systems (a vendor or vendor-minted customer key).</param>
/// <param name="Customer">Only silences of this customer's systems (a customer key).</param>
public sealed record SilenceQuery(string? SystemId, bool? Active, DateTimeOffset Now, string? Vendor = null, string? Customer = null);
