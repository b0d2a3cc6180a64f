using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Ownership;

/// <param name="System">The system as the confirmation left it; set when <see cref="Outcome"/> is <see cref="OwnershipConfirmationOutcome.Confirmed"/>.</param>
public sealed record OwnershipConfirmationResult(OwnershipConfirmationOutcome Outcome, MonitoredSystem? System = null);
