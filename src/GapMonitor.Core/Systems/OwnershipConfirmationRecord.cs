namespace GapMonitor.Core.Systems;

/// <summary>One confirmation that the customer runs operations.</summary>
/// <param name="By">Who confirmed, as they said (or the caller's name).</param>
/// <param name="Actor">The key or link recipient that confirmed.</param>
public sealed record OwnershipConfirmationRecord(DateTimeOffset At, string By, string Actor, string? Note = null);
