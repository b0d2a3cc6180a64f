namespace GapMonitor.Core.Notifications;

/// <summary>
/// Values of <c>data.reason</c> on an <c>alert.reminder</c> (a periodic reminder of an alert still open has none), and on
/// an <c>alert.opened</c> held back by a silence.
/// </summary>
public static class ReminderReasons
{
    public const string AcknowledgementExpired = "acknowledgement-expired";

    /// <summary>The notification was held back while a silence covered the alert, and goes out now that it ended.</summary>
    public const string SilenceEnded = "silence-ended";

    /// <summary>Another contact of the system cannot be reached either (contact-unreachable names it now).</summary>
    public const string AnotherContactUnreachable = "another-contact-unreachable";
}
