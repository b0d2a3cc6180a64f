using GapMonitor.Core.Ownership;
using GapMonitor.Core.Systems;

namespace GapMonitor.Web.Pages.Systems;

/// <summary>Ownership after handover: its state, when a confirmation is due, and the confirmations so far (newest first, bounded).</summary>
public sealed record OwnershipView(OwnershipState State, DateTimeOffset DueAt, IReadOnlyList<OwnershipConfirmationRecord> Confirmations, int TotalConfirmations);
