using GapMonitor.Core.Notifications;
using GapMonitor.Infrastructure.Email;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GapMonitor.Infrastructure.Tests.Email;

public sealed class EmailComposerTests
{
    private readonly EmailComposer _composer = new(Options.Create(new EmailOptions()));

    [Theory]
    [InlineData(NotificationTypes.Opened, "[GapMonitor] Churn model for ACME (acme-churn): monitoring-silent opened")]
    [InlineData(NotificationTypes.Reminder, "[GapMonitor] Churn model for ACME (acme-churn): monitoring-silent reminder")]
    [InlineData(NotificationTypes.Escalated, "[GapMonitor] Churn model for ACME (acme-churn): monitoring-silent escalated")]
    [InlineData(NotificationTypes.Acknowledged, "[GapMonitor] Churn model for ACME (acme-churn): monitoring-silent acknowledged")]
    [InlineData(NotificationTypes.Resolved, "[GapMonitor] Churn model for ACME (acme-churn): monitoring-silent resolved")]
    public void Compose_NamesSystemAlertKindAndEventInSubject(string type, string expected)
    {
        using var email = _composer.Compose(TestMessages.Email("mlops@acme.example", type));

        Assert.Equal(expected, email.Subject);
    }

    [Fact]
    public void Compose_SetsAddressesAndStableHeaders()
    {
        var message = TestMessages.Email("ML Ops <mlops@acme.example>");

        using var email = _composer.Compose(message);

        Assert.Equal("gapmonitor@localhost", Assert.IsType<MailboxAddress>(Assert.Single(email.From)).Address);
        Assert.Equal("mlops@acme.example", Assert.IsType<MailboxAddress>(Assert.Single(email.To)).Address);
        Assert.Equal($"{message.Notification.Id}@gapmonitor", email.MessageId);
        Assert.Equal($"<{message.Notification.Id}@gapmonitor>", email.Headers[HeaderId.MessageId]);
        Assert.Equal(TestMessages.AlertId, email.Headers["X-GapMonitor-Alert-Id"]);
        Assert.Equal("alert.opened", email.Headers["X-GapMonitor-Event"]);
        Assert.Equal(message.Notification.CreatedAt, email.Date);
    }

    [Fact]
    public void Compose_WhenComposedTwice_ProducesTheSameMessageId()
    {
        var message = TestMessages.Email("mlops@acme.example");

        using var first = _composer.Compose(message);
        using var second = _composer.Compose(message);

        Assert.Equal(first.MessageId, second.MessageId);
    }

    [Fact]
    public void Compose_ForAnOpenAlert_TellsWhatHappenedWhoOwnsItAndHowToAcknowledge()
    {
        using var email = _composer.Compose(TestMessages.Email("mlops@acme.example"));

        var text = email.TextBody;
        Assert.Contains("No heartbeat since 2025-03-14 08:00 UTC", text, StringComparison.Ordinal);
        Assert.Contains("Operations owner: customer", text, StringComparison.Ordinal);
        Assert.Contains("Opened:", text, StringComparison.Ordinal);
        Assert.Contains("2025-03-14 09:30 UTC", text, StringComparison.Ordinal);
        Assert.Contains($"POST /api/alerts/{TestMessages.AlertId}/acknowledge", text, StringComparison.Ordinal);
        Assert.Contains($"POST /api/alerts/{TestMessages.AlertId}/acknowledge", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ForAcknowledgedAlert_ShowsWhoAcknowledgedAndAsksNothing()
    {
        using var email = _composer.Compose(TestMessages.Email("mlops@acme.example", NotificationTypes.Acknowledged));

        Assert.Contains("Acknowledged:", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("by mlops@acme.example", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/acknowledge", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ForResolvedAlert_ShowsResolutionAndAsksNothing()
    {
        using var email = _composer.Compose(TestMessages.Email("mlops@acme.example", NotificationTypes.Resolved));

        Assert.Contains("Resolved:", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("heartbeat received", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("No action is needed", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/acknowledge", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_HtmlAlternative_EncodesTheSummary()
    {
        using var email = _composer.Compose(TestMessages.Email("mlops@acme.example", summary: "Feature <script>alert(1)</script> & co"));

        Assert.Contains("Feature &lt;script&gt;alert(1)&lt;/script&gt; &amp; co", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Feature <script>alert(1)</script> & co", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_WithNonAsciiSummary_WritesSevenBitMimeThatRoundTrips()
    {
        using var email = _composer.Compose(TestMessages.Email("mlops@acme.example", summary: "Dérive détectée sur « âge » — 3 colonnes"));
        using var written = new MemoryStream();
        await email.WriteToAsync(written);

        Assert.All(written.ToArray(), b => Assert.True(b < 0x80));
        written.Position = 0;
        using var parsed = await MimeMessage.LoadAsync(written);
        Assert.Contains("Dérive détectée sur « âge » — 3 colonnes", parsed.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenTargetIsNotAnAddress_ThrowsParseException()
    {
        Assert.Throws<ParseException>(() => _composer.Compose(TestMessages.Email("not an address <")));
    }
}
