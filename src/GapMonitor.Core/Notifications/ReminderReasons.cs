namespace GapMonitor.Core.Notifications;

/// <summary>Values of <c>data.reason</c> on an <c>alert.reminder</c>; a periodic reminder of an alert still open has none.</summary>
public static class ReminderReasons
{
    public const string AcknowledgementExpired = "acknowledgement-expired";
    public const string AnotherContactUnreachable = "another-contact-unreachable";
}
