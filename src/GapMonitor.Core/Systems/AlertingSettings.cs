namespace GapMonitor.Core.Systems;

/// <summary>How often an open alert reminds everyone told, and how long an acknowledgement holds before the alert reopens.</summary>
public sealed record AlertingSettings(TimeSpan RemindEvery, TimeSpan AcknowledgementExpiresAfter)
{
    public static readonly AlertingSettings Default = new(RegistrationDefaults.RemindEvery, RegistrationDefaults.AcknowledgementExpiresAfter);
}
