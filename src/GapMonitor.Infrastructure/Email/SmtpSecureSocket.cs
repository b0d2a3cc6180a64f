namespace GapMonitor.Infrastructure.Email;

/// <summary>
/// How the SMTP connection is secured; <see cref="Auto"/> is TLS on port 465 and elsewhere STARTTLS — required when
/// credentials are configured, else used when offered. <see cref="None"/> is refused together with credentials.
/// </summary>
public enum SmtpSecureSocket
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}
