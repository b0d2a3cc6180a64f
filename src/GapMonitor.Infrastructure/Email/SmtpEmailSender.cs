using System.Net.Security;
using System.Net.Sockets;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GapMonitor.Infrastructure.Email;

/// <summary>
/// Sends notification emails through an SMTP relay with MailKit, one connection per message. Credentials are only
/// ever sent over TLS: with a user name, <see cref="SmtpSecureSocket.Auto"/> means TLS on port 465 and mandatory
/// STARTTLS elsewhere, <see cref="SmtpSecureSocket.None"/> is refused, and AUTH waits until the connection is secure.
/// </summary>
public sealed class SmtpEmailSender(EmailComposer composer, IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger)
    : INotificationSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public NotificationChannel Channel => NotificationChannel.Email;

    /// <summary>Replaces certificate validation (tests trust their own self-signed certificate); null keeps the system's.</summary>
    internal RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return DeliveryResult.Failure("No SMTP host is configured (GapMonitor:Email:Smtp:Host).");
        }

        MimeMessage email;
        try
        {
            email = composer.Compose(message);
        }
        catch (ParseException ex)
        {
            return DeliveryResult.Failure($"Not a valid email address: {ex.Message}", permanent: true);
        }

        var userName = smtp.UserName;
        var authenticates = !string.IsNullOrEmpty(userName);
        if (authenticates && smtp.SecureSocket == SmtpSecureSocket.None)
        {
            return DeliveryResult.Failure(ClearTextRefused(smtp));
        }

        using (email)
        using (var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds })
        {
            if (ServerCertificateValidation is not null)
            {
                client.ServerCertificateValidationCallback = ServerCertificateValidation;
            }

            try
            {
                await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.SecureSocket, smtp.Port, authenticates), cancellationToken);
                if (authenticates)
                {
                    if (!client.IsSecure)
                    {
                        await DisconnectQuietlyAsync(client, cancellationToken);
                        return DeliveryResult.Failure(ClearTextRefused(smtp));
                    }

                    await client.AuthenticateAsync(userName!, smtp.Password ?? string.Empty, cancellationToken);
                }

                await client.SendAsync(email, cancellationToken);
            }
            catch (SmtpCommandException ex)
            {
                return Failure(ex);
            }
            // MailKit reports failures through many exception types (protocol, authentication, TLS, sockets, I/O,
            // "authentication required"…); each one is a failed attempt, and only the caller's cancellation propagates.
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return DeliveryResult.Failure($"SMTP delivery through {smtp.Host}:{smtp.Port} failed ({ex.GetType().Name}): {ex.Message}");
            }

            await DisconnectQuietlyAsync(client, cancellationToken);
            return DeliveryResult.Success;
        }
    }

    /// <summary>
    /// A 5xx reply to RCPT TO means the server will never accept this recipient (e.g. 550 mailbox unavailable):
    /// retrying for a day only repeats the rejection and can harm the sender's reputation. It is recorded as a
    /// permanent failure so the contact can be fixed. Everything else — 4xx replies, sender or message rejections
    /// (usually our own relay configuration) and 5.7.x policy refusals such as "relaying denied" — is retried.
    /// </summary>
    private static DeliveryResult Failure(SmtpCommandException ex)
    {
        var status = (int)ex.StatusCode;
        var permanent = ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && status is >= 500 and < 600
            && !ex.Message.Contains("5.7.", StringComparison.Ordinal);
        return DeliveryResult.Failure($"SMTP {status} ({ex.ErrorCode}): {ex.Message}", permanent: permanent);
    }

    /// <summary>The message is accepted once DATA is answered; a failed QUIT must not turn it into a resend.</summary>
    private async Task DisconnectQuietlyAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is ServiceNotConnectedException or SmtpProtocolException or IOException or SocketException or OperationCanceledException)
        {
            logger.LogDebug(ex, "SMTP disconnect after a successful send failed");
        }
    }

    private static string ClearTextRefused(SmtpOptions smtp) =>
        $"SMTP delivery through {smtp.Host}:{smtp.Port} refused: credentials are configured but the connection is not secured by TLS " +
        "(the server offered no STARTTLS, or GapMonitor:Email:Smtp:SecureSocket is None); they are never sent in clear.";

    private static SecureSocketOptions SocketOptions(SmtpSecureSocket secureSocket, int port, bool authenticates) => secureSocket switch
    {
        SmtpSecureSocket.None => SecureSocketOptions.None,
        SmtpSecureSocket.StartTls => SecureSocketOptions.StartTls,
        SmtpSecureSocket.SslOnConnect => SecureSocketOptions.SslOnConnect,
        // MailKit's Auto falls back to clear text when STARTTLS is not offered (or stripped on the way).
        _ when authenticates => port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.Auto,
    };
}
