namespace GapMonitor.Core.Notifications;

/// <param name="Alert">The alert the notification is about; null for a notice about the system.</param>
/// <param name="Reason">Why a reminder was sent when it is not the periodic one (see <see cref="ReminderReasons"/>).</param>
public sealed record NotificationData(AlertSnapshot? Alert, SystemSnapshot System, string? Reason = null)
{
    /// <summary>A notice's headline, e.g. "Operations pass to acme in 3 days"; emails use it as the first line.</summary>
    public string? Title { get; init; }

    /// <summary>A notice's text: what happened and what it means.</summary>
    public string? Message { get; init; }

    /// <summary>The one action a notice asks of its reader, when there is one.</summary>
    public string? Action { get; init; }

    /// <summary>Handover notices: the handover's moments and where ownership stands.</summary>
    public HandoverSnapshot? Handover { get; init; }

    /// <summary>The silence a <c>silence.created</c> notice is about.</summary>
    public SilenceSnapshot? Silence { get; init; }

    /// <summary>Signed action links (<c>data.links</c>), added at send time for the one recipient; never stored.</summary>
    public ActionLinks.ActionLinkUrls? Links { get; init; }
}
