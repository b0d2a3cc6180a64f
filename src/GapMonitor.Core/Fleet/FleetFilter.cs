using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Fleet;

/// <summary>Which systems of the caller's scope the fleet lists; null means any.</summary>
/// <param name="State">One of <see cref="FleetStates"/>.</param>
public sealed record FleetFilter(string? Vendor = null, string? Customer = null, Party? Owner = null, string? State = null);
