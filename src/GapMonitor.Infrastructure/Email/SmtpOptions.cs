using System.ComponentModel.DataAnnotations;

namespace GapMonitor.Infrastructure.Email;

/// <summary>The SMTP relay (<c>GapMonitor:Email:Smtp</c>): Azure Communication Services, SendGrid, Exchange…</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    public string From { get; set; } = "gapmonitor@localhost";

    public SmtpSecureSocket SecureSocket { get; set; } = SmtpSecureSocket.Auto;
}
