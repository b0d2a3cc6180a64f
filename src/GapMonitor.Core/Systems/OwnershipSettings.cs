namespace GapMonitor.Core.Systems;

/// <summary>When the customer must confirm it runs operations: first within <see cref="ConfirmWithin"/> of the handover, then every <see cref="ReconfirmEvery"/>.</summary>
public sealed record OwnershipSettings(TimeSpan ConfirmWithin, TimeSpan ReconfirmEvery)
{
    public static readonly OwnershipSettings Default = new(RegistrationDefaults.ConfirmWithin, RegistrationDefaults.ReconfirmEvery);
}
