using System.Security.Cryptography.X509Certificates;
using GapMonitor.Infrastructure.Email;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GapMonitor.Infrastructure.Tests.Email;

public sealed class SmtpEmailSenderTests
{
    private static SmtpEmailSender Sender(
        int port, string? userName = null, string? password = null, SmtpSecureSocket secureSocket = SmtpSecureSocket.None, X509Certificate2? trusted = null)
    {
        var options = Options.Create(new EmailOptions
        {
            Smtp = new SmtpOptions
            {
                Host = "127.0.0.1",
                Port = port,
                From = "GapMonitor <alerts@gapmonitor.example>",
                SecureSocket = secureSocket,
                UserName = userName,
                Password = password,
            },
        });
        return new SmtpEmailSender(new EmailComposer(options), options, NullLogger<SmtpEmailSender>.Instance)
        {
            // Only the test's self-signed certificate is trusted in place of a public CA.
            ServerCertificateValidation = trusted is null ? null : (_, certificate, _, _) => certificate?.GetCertHashString() == trusted.GetCertHashString(),
        };
    }

    [Fact]
    public async Task SendAsync_WhenServerAccepts_DeliversTheComposedMessage()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var message = TestMessages.Email("mlops@acme.example");

        var result = await Sender(server.Port).SendAsync(message);

        Assert.True(result.Succeeded, result.Error);
        var received = await server.WaitForMessageAsync();
        Assert.Equal("[GapMonitor] Churn model for ACME (acme-churn): monitoring-silent opened", received.Subject);
        Assert.Equal("mlops@acme.example", Assert.IsType<MailboxAddress>(Assert.Single(received.To)).Address);
        Assert.Equal("alerts@gapmonitor.example", Assert.IsType<MailboxAddress>(Assert.Single(received.From)).Address);
        Assert.Equal($"{message.Notification.Id}@gapmonitor", received.MessageId);
        Assert.Equal(TestMessages.AlertId, received.Headers["X-GapMonitor-Alert-Id"]);
        Assert.Contains($"POST /api/alerts/{TestMessages.AlertId}/acknowledge", received.TextBody, StringComparison.Ordinal);
        Assert.NotNull(received.HtmlBody);
    }

    [Theory]
    [InlineData(SmtpSecureSocket.Auto)]
    [InlineData(SmtpSecureSocket.StartTls)]
    public async Task SendAsync_WhenServerRequiresTheConfiguredCredentials_AuthenticatesOverStartTls(SmtpSecureSocket secureSocket)
    {
        using var certificate = TestCertificates.Loopback();
        await using var server = await TestSmtpServer.StartAsync(("gapmonitor", "s3cret"), certificate);

        var result = await Sender(server.Port, "gapmonitor", "s3cret", secureSocket, certificate).SendAsync(TestMessages.Email("mlops@acme.example"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(server.Messages);
        Assert.Equal(1, server.AuthenticationAttempts);
    }

    [Theory]
    [InlineData(SmtpSecureSocket.Auto)]
    [InlineData(SmtpSecureSocket.None)]
    public async Task SendAsync_WithCredentials_WhenServerOffersNoStartTls_NeverSendsThemInClear(SmtpSecureSocket secureSocket)
    {
        // A server (or a man in the middle stripping STARTTLS) that accepts AUTH without TLS.
        await using var server = await TestSmtpServer.StartAsync(("gapmonitor", "s3cret"));

        var result = await Sender(server.Port, "gapmonitor", "s3cret", secureSocket).SendAsync(TestMessages.Email("mlops@acme.example"));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains("TLS", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.AuthenticationAttempts);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_WithCredentials_WhenServerCertificateIsNotTrusted_NeverSendsThem()
    {
        using var certificate = TestCertificates.Loopback();
        await using var server = await TestSmtpServer.StartAsync(("gapmonitor", "s3cret"), certificate);

        var result = await Sender(server.Port, "gapmonitor", "s3cret", SmtpSecureSocket.Auto).SendAsync(TestMessages.Email("mlops@acme.example"));

        Assert.False(result.Succeeded);
        Assert.Equal(0, server.AuthenticationAttempts);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_WhenCredentialsAreWrong_ReturnsRetryableFailureWithoutThePassword()
    {
        using var certificate = TestCertificates.Loopback();
        await using var server = await TestSmtpServer.StartAsync(("gapmonitor", "s3cret"), certificate);

        var result = await Sender(server.Port, "gapmonitor", "wrong-password", SmtpSecureSocket.StartTls, certificate).SendAsync(TestMessages.Email("mlops@acme.example"));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.DoesNotContain("wrong-password", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_WhenServerRequiresAuthenticationButNoneIsConfigured_ReturnsRetryableFailure()
    {
        await using var server = await TestSmtpServer.StartAsync(("gapmonitor", "s3cret"));

        var result = await Sender(server.Port).SendAsync(TestMessages.Email("mlops@acme.example"));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains("authentication required", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendAsync_WhenServerIsDown_ReturnsRetryableFailureInsteadOfThrowing()
    {
        var result = await Sender(FreeTcpPort.Next()).SendAsync(TestMessages.Email("mlops@acme.example"));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains("127.0.0.1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenRecipientIsRejectedWith550_ReturnsPermanentFailureWithTheStatus()
    {
        await using var server = await TestSmtpServer.StartAsync();
        server.RejectedRecipients["gone@acme.example"] = true;

        var result = await Sender(server.Port).SendAsync(TestMessages.Email("gone@acme.example"));

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.StartsWith("SMTP 550", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_WhenRecipientIsDeferredWith450_ReturnsRetryableFailure()
    {
        await using var server = await TestSmtpServer.StartAsync();
        server.DeferredRecipients["busy@acme.example"] = true;

        var result = await Sender(server.Port).SendAsync(TestMessages.Email("busy@acme.example"));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.StartsWith("SMTP 450", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_WhenTargetIsNotAnAddress_FailsPermanently()
    {
        await using var server = await TestSmtpServer.StartAsync();

        var result = await Sender(server.Port).SendAsync(TestMessages.Email("not an address <"));

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
    }
}
