namespace GapMonitor.Core.Systems;

/// <summary>What a registration that leaves a setting out gets.</summary>
public static class RegistrationDefaults
{
    /// <summary>The vendor keeps operations this long after handover.</summary>
    public static readonly TimeSpan VendorGracePeriod = TimeSpan.FromDays(14);

    public static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromHours(1);

    /// <summary>How late a heartbeat may be before the system counts as silent.</summary>
    public static readonly TimeSpan HeartbeatGrace = TimeSpan.FromMinutes(15);

    /// <summary>An open alert unacknowledged for longer escalates.</summary>
    public static readonly TimeSpan AcknowledgeWithin = TimeSpan.FromHours(4);

    /// <summary>An open alert reminds everyone told this long after the last notification about it.</summary>
    public static readonly TimeSpan RemindEvery = TimeSpan.FromDays(1);

    /// <summary>An acknowledged alert still unresolved this long after the acknowledgement reopens.</summary>
    public static readonly TimeSpan AcknowledgementExpiresAfter = TimeSpan.FromDays(3);

    /// <summary>The customer confirms it runs operations within this long after handover (or registration, when later).</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromDays(7);

    /// <summary>After each confirmation, the next is due this long later.</summary>
    public static readonly TimeSpan ReconfirmEvery = TimeSpan.FromDays(90);

    /// <summary>Both parties hear this long before the vendor's grace period ends.</summary>
    public static readonly TimeSpan GraceEndingNotice = TimeSpan.FromDays(3);
}
