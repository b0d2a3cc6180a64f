using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Email;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GapMonitor.Infrastructure.Tests.Email;

/// <summary>One alert is one email thread; reminders say why they come; times read like <c>2025-03-14 09:30 UTC</c>.</summary>
public sealed class EmailThreadingTests
{
    private readonly EmailComposer _composer = new(Options.Create(new EmailOptions()));

    [Fact]
    public void Compose_EveryEmailOfOneAlert_RepliesToTheSameThreadAnchorUnderItsOwnMessageId()
    {
        using var opened = _composer.Compose(TestMessages.Email("mlops@acme.example", NotificationTypes.Opened, id: "0193c2a5f1d27e4b9c0a1b2c3d4e5f70"));
        using var reminder = _composer.Compose(TestMessages.Email("mlops@acme.example", NotificationTypes.Reminder, id: "0193c2a5f1d27e4b9c0a1b2c3d4e5f71"));

        var anchor = $"alert-{TestMessages.AlertId}@gapmonitor";
        Assert.Equal("0193c2a5f1d27e4b9c0a1b2c3d4e5f70@gapmonitor", opened.MessageId);
        Assert.Equal("0193c2a5f1d27e4b9c0a1b2c3d4e5f71@gapmonitor", reminder.MessageId);
        Assert.All(new[] { opened, reminder }, email =>
        {
            Assert.Equal(anchor, email.InReplyTo);
            Assert.Equal([anchor], email.References);
            Assert.Equal("auto-generated", email.Headers["Auto-Submitted"]);
        });
    }

    [Fact]
    public async Task SendAsync_OverSmtp_DeliversTheThreadingAndAutoSubmittedHeaders()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var options = Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = server.Host, Port = server.Port, From = "alerts@gapmonitor.example", SecureSocket = SmtpSecureSocket.None } });
        var sender = new SmtpEmailSender(new EmailComposer(options), options, NullLogger<SmtpEmailSender>.Instance);

        var result = await sender.SendAsync(TestMessages.Email("mlops@acme.example", NotificationTypes.Reminder));

        Assert.True(result.Succeeded, result.Error);
        var received = await server.WaitForMessageAsync();
        Assert.Equal("auto-generated", received.Headers["Auto-Submitted"]);
        Assert.Equal($"<alert-{TestMessages.AlertId}@gapmonitor>", received.Headers[HeaderId.InReplyTo]);
        Assert.Equal($"<alert-{TestMessages.AlertId}@gapmonitor>", received.Headers[HeaderId.References]);
    }

    [Fact]
    public void Compose_PeriodicReminder_SaysTheAlertIsStillOpenAndAsksForAnAcknowledgement()
    {
        using var email = _composer.Compose(TestMessages.Email("mlops@acme.example", NotificationTypes.Reminder));

        Assert.StartsWith("Reminder: the monitoring-silent alert is still open, since 2025-03-14 09:30 UTC.", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"POST /api/alerts/{TestMessages.AlertId}/acknowledge", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ExpiredAcknowledgementReminder_SaysTheAcknowledgementExpiredAndEscalationFollows()
    {
        var message = WithReason(TestMessages.Email("mlops@acme.example", NotificationTypes.Reminder), ReminderReasons.AcknowledgementExpired);

        using var email = _composer.Compose(message);

        Assert.StartsWith("Reminder: the acknowledgement of the monitoring-silent alert expired and the alert is open again.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("acknowledged at 2025-03-14 09:50 UTC by dana@acme.example", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Acknowledgement expired: 2025-03-14 09:50 UTC by dana@acme.example", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledged:", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("escalates", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("acknowledgement of the monitoring-silent alert expired", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"POST /api/alerts/{TestMessages.AlertId}/acknowledge", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_OpenedAlert_SaysWhatTheKindMeans()
    {
        using var email = _composer.Compose(TestMessages.Email("mlops@acme.example"));

        Assert.StartsWith("A monitoring-silent alert opened.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nobody is watching the model in production", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NotificationTypes.Opened)]
    [InlineData(NotificationTypes.Reminder)]
    [InlineData(NotificationTypes.Escalated)]
    [InlineData(NotificationTypes.Acknowledged)]
    [InlineData(NotificationTypes.Resolved)]
    public void Compose_ShowsTimesToTheMinuteInUtc(string type)
    {
        using var email = _composer.Compose(TestMessages.Email("mlops@acme.example", type));

        Assert.Contains("2025-03-14 09:30 UTC", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{2}:\d{2}:\d{2}", email.TextBody);
    }

    [Fact]
    public void Compose_NoticeAboutTheSystem_ReadsItsTitleTextAndActionAndThreadsPerSystem()
    {
        var message = TestMessages.Email("mlops@acme.example", "handover.completed");
        var data = new NotificationData(null, message.Envelope.Data.System)
        {
            Title = "Operations passed to the customer",
            Message = "The vendor's grace period ended.",
            Action = "Confirm that you run operations.",
        };
        var envelope = message.Envelope with { Data = data };
        using var email = _composer.Compose(message with { Envelope = envelope, Notification = message.Notification with { Body = envelope.ToJson() } });

        Assert.EndsWith(": Operations passed to the customer", email.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Operations passed to the customer\n\nThe vendor's grace period ended.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Confirm that you run operations.", email.TextBody, StringComparison.Ordinal);
        Assert.Null(email.Headers[EmailComposer.AlertIdHeader]);
        Assert.Equal($"system-{data.System.Id}@gapmonitor", email.InReplyTo);
    }

    private static OutboundMessage WithReason(OutboundMessage message, string reason)
    {
        var data = message.Envelope.Data with
        {
            Reason = reason,
            Alert = message.Envelope.Data.Alert! with { AcknowledgedAt = TestMessages.OpenedAt.AddMinutes(20), AcknowledgedBy = "dana@acme.example" },
        };
        var envelope = message.Envelope with { Data = data };
        return message with { Envelope = envelope, Notification = message.Notification with { Body = envelope.ToJson() } };
    }
}
