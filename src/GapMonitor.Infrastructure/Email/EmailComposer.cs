using System.Net;
using System.Text;
using GapMonitor.Core.ActionLinks;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GapMonitor.Infrastructure.Email;

/// <summary>Turns a notification into the email its contact receives: what happened, who owns it and what to do.</summary>
public sealed class EmailComposer(IOptions<EmailOptions> options)
{
    public const string AlertIdHeader = "X-GapMonitor-Alert-Id";
    public const string EventHeader = "X-GapMonitor-Event";

    /// <exception cref="ParseException">The target or the configured sender is not an email address.</exception>
    public MimeMessage Compose(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var notification = message.Notification;
        var content = Content(message);
        var email = new MimeMessage
        {
            // Stable across retries so that receiving systems can discard a duplicate.
            MessageId = $"{notification.Id}@gapmonitor",
            Date = notification.CreatedAt,
            Subject = content.Subject,
        };
        email.From.Add(MailboxAddress.Parse(options.Value.Smtp.From));
        email.To.Add(MailboxAddress.Parse(notification.Target));
        if (message.Envelope.Data.Alert is { } alert)
        {
            email.Headers.Add(AlertIdHeader, alert.Id);
        }

        email.Headers.Add(EventHeader, notification.Type);
        email.Headers.Add("Auto-Submitted", "auto-generated");

        // Every email about one alert points at the same anchor, so mail clients show one alert as one thread; notices
        // about a system (handover, silences, contacts) form one thread per system.
        var thread = message.Envelope.Data.Alert is { } about ? ThreadId(about.Id) : $"system-{message.Envelope.Data.System.Id}@gapmonitor";
        email.InReplyTo = thread;
        email.References.Add(thread);
        email.Body = new BodyBuilder { TextBody = PlainText(content), HtmlBody = Html(content) }.ToMessageBody();
        // 7-bit transfer encodings keep non-ASCII summaries intact through any relay and in .eml files.
        email.Prepare(EncodingConstraint.SevenBit);
        return email;
    }

    /// <summary>e.g. <c>[GapMonitor] Churn model for ACME (acme-churn): monitoring-silent opened</c>.</summary>
    public static string Subject(NotificationEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var system = envelope.Data.System;
        var eventName = envelope.Type.StartsWith("alert.", StringComparison.Ordinal) ? envelope.Type["alert.".Length..] : envelope.Type;
        return envelope.Data.Alert is { } alert
            ? $"[GapMonitor] {system.Name} ({system.Id}): {alert.Kind} {eventName}"
            : $"[GapMonitor] {system.Name} ({system.Id}): {envelope.Data.Title ?? envelope.Type}";
    }

    private static EmailContent Content(OutboundMessage message)
    {
        var envelope = message.Envelope;
        var system = envelope.Data.System;
        if (envelope.Data.Alert is not { } alert)
        {
            return NoticeContent(message);
        }

        var facts = new List<(string, string)>
        {
            ("System", $"{system.Name} ({system.Id})"),
            ("Vendor", system.Vendor),
            ("Customer", system.Customer),
            ("Alert", $"{alert.Kind}, {alert.State} ({alert.Id})"),
            ("Operations owner", alert.Owner ?? "unknown"),
            ("You are told as", message.Notification.Party.ToString().ToLowerInvariant()),
            ("Opened", Time(alert.OpenedAt)),
        };
        if (alert.EscalatedAt is { } escalated)
        {
            facts.Add(("Escalated", Time(escalated)));
        }

        if (alert.AcknowledgedAt is { } acknowledged)
        {
            var by = alert.AcknowledgedBy is null ? string.Empty : $" by {alert.AcknowledgedBy}";
            var note = alert.AcknowledgementNote is null ? string.Empty : $": {alert.AcknowledgementNote}";
            // An alert open again after its acknowledgement expired still carries that acknowledgement as history.
            facts.Add((alert.State == "acknowledged" ? "Acknowledged" : "Acknowledgement expired", $"{Time(acknowledged)}{by}{note}"));
        }

        if (alert.ResolvedAt is { } resolved)
        {
            var resolution = alert.Resolution is null ? string.Empty : $" ({alert.Resolution})";
            facts.Add(("Resolved", $"{Time(resolved)}{resolution}"));
        }

        var acknowledgeLink = envelope.Data.Links?.Acknowledge;
        var (happened, meaning, needsAcknowledgement) = Explain(envelope, acknowledgeLink is not null);
        // With action links on, the one action is a link (it asks before it acts); without, the API call that does it.
        var acknowledgeCall = needsAcknowledgement ? acknowledgeLink ?? $"POST /api/alerts/{alert.Id}/acknowledge" : null;
        return new EmailContent(Subject(envelope), happened, alert.Summary, facts, meaning, acknowledgeCall, OtherLinks(envelope.Data.Links, needsAcknowledgement ? null : acknowledgeLink));
    }

    /// <summary>A notice about the system: its title, its text, and the action it asks for, if any.</summary>
    private static EmailContent NoticeContent(OutboundMessage message)
    {
        var data = message.Envelope.Data;
        var facts = new List<(string, string)>
        {
            ("System", $"{data.System.Name} ({data.System.Id})"),
            ("Vendor", data.System.Vendor),
            ("Customer", data.System.Customer),
            ("You are told as", message.Notification.Party.ToString().ToLowerInvariant()),
            ("Sent", Time(message.Envelope.Timestamp)),
        };
        return new EmailContent(
            Subject(message.Envelope),
            data.Title ?? message.Envelope.Type,
            data.Message ?? string.Empty,
            facts,
            data.Action ?? "No action is needed.",
            AcknowledgeCall: null,
            OtherLinks(data.Links, acknowledge: null));
    }

    /// <summary>The message id all emails about one alert reply to: <c>alert-{alertId}@gapmonitor</c>.</summary>
    public static string ThreadId(string alertId) => $"alert-{alertId}@gapmonitor";

    /// <summary>What happened, what it means and whether the one action to take is acknowledging.</summary>
    private static (string Happened, string Meaning, bool NeedsAcknowledgement) Explain(NotificationEnvelope envelope, bool withLink)
    {
        var alert = envelope.Data.Alert!;
        var how = withLink ? "with this link" : "(optional JSON body: {\"by\": \"you\", \"note\": \"what you do\"})";
        var acknowledge = $"Look into it, then acknowledge the alert {how}:";
        return envelope.Type switch
        {
            NotificationTypes.Resolved => ($"The {alert.Kind} alert is resolved.", "No action is needed: the alert is resolved.", false),
            NotificationTypes.Acknowledged => (
                $"The {alert.Kind} alert was acknowledged{(alert.AcknowledgedBy is null ? string.Empty : $" by {alert.AcknowledgedBy}")}.",
                "The alert is acknowledged, so it is not escalated further. It resolves by itself once the signals recover; if it has not by the time the acknowledgement expires, it opens again.",
                false),
            NotificationTypes.Escalated => (
                $"The {alert.Kind} alert was not acknowledged in time and is escalated.",
                AlertKindMeanings.Of(alert.Kind) + $" It was not acknowledged in time, so both parties are now told. Whoever takes it on acknowledges it {how}:",
                true),
            NotificationTypes.Reminder when envelope.Data.Reason == ReminderReasons.AcknowledgementExpired => (
                $"Reminder: the acknowledgement of the {alert.Kind} alert expired and the alert is open again.",
                $"It was acknowledged{(alert.AcknowledgedAt is { } at ? $" at {Time(at)}" : string.Empty)}{(alert.AcknowledgedBy is null ? string.Empty : $" by {alert.AcknowledgedBy}")}, but the problem is still there. Unless somebody acknowledges it again, it escalates to the other party. {acknowledge}",
                true),
            NotificationTypes.Reminder => (
                $"Reminder: the {alert.Kind} alert is still open, since {Time(alert.OpenedAt)}.",
                $"{AlertKindMeanings.Of(alert.Kind)} The gap has not closed and nobody has acknowledged the alert; reminders go on until somebody does. {acknowledge}",
                true),
            _ => (
                $"A {alert.Kind} alert opened.",
                AlertKindMeanings.Of(alert.Kind) + " " + acknowledge.Replace("acknowledge the alert", "acknowledge the alert so that it is not escalated", StringComparison.Ordinal),
                true),
        };
    }

    private static string PlainText(EmailContent content)
    {
        var text = new StringBuilder();
        text.Append(content.Happened).Append("\n\n").Append(content.Summary).Append("\n\n");
        var width = content.Facts.Max(f => f.Label.Length) + 2;
        foreach (var (label, value) in content.Facts)
        {
            text.Append((label + ":").PadRight(width)).Append(value).Append('\n');
        }

        text.Append('\n').Append(content.Advice).Append('\n');
        if (content.AcknowledgeCall is not null)
        {
            text.Append("\n    ").Append(content.AcknowledgeCall).Append('\n');
        }

        foreach (var (label, url) in content.Links)
        {
            text.Append('\n').Append(label).Append(":\n    ").Append(url).Append('\n');
        }

        return text.ToString();
    }

    private static string Html(EmailContent content)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n");
        html.Append("<p><strong>").Append(E(content.Happened)).Append("</strong></p>\n");
        html.Append("<p>").Append(E(content.Summary)).Append("</p>\n<table>\n");
        foreach (var (label, value) in content.Facts)
        {
            html.Append("<tr><th style=\"text-align: left; padding-right: 1em\">").Append(E(label))
                .Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<p>").Append(E(content.Advice)).Append("</p>\n");
        if (content.AcknowledgeCall is not null)
        {
            html.Append(content.AcknowledgeCall.StartsWith("http", StringComparison.Ordinal)
                ? $"<p><a href=\"{E(content.AcknowledgeCall)}\">{E(content.AcknowledgeCall)}</a></p>\n"
                : $"<pre>{E(content.AcknowledgeCall)}</pre>\n");
        }

        foreach (var (label, url) in content.Links)
        {
            html.Append("<p>").Append(E(label)).Append(":<br><a href=\"").Append(E(url)).Append("\">").Append(E(url)).Append("</a></p>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string Time(DateTimeOffset time) => HumanTime.Format(time);

    private sealed record EmailContent(
        string Subject,
        string Happened,
        string Summary,
        IReadOnlyList<(string Label, string Value)> Facts,
        string Advice,
        string? AcknowledgeCall,
        IReadOnlyList<(string Label, string Url)> Links);

    /// <summary>The action links besides the one asked for in the advice, labelled for people.</summary>
    private static List<(string Label, string Url)> OtherLinks(ActionLinkUrls? links, string? acknowledge)
    {
        var other = new List<(string, string)>();
        if (links is null)
        {
            return other;
        }

        if (acknowledge is not null)
        {
            other.Add(("Acknowledge", acknowledge));
        }

        if (links.ConfirmOwnership is { } confirm)
        {
            other.Add(("Confirm that you run operations", confirm));
        }

        if (links.Snooze is { } snooze)
        {
            other.Add(($"Snooze alerts of this kind for {ActionLinkSettings.SnoozeFor.TotalHours:0} hours", snooze));
        }

        if (links.Status is { } status)
        {
            other.Add(("Status of the system", status));
        }

        return other;
    }
}
