using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace GapMonitor.Infrastructure.Email;

/// <summary>Settings of email delivery (section <c>GapMonitor:Email</c>): SMTP when a host is set, else a pickup directory.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "GapMonitor:Email";

    /// <summary>Where <c>.eml</c> files go when no SMTP host is set; null means the host's default folder.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // DataAnnotations validation does not descend into nested objects by itself.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult(result.ErrorMessage, result.MemberNames.Select(m => $"{nameof(Smtp)}.{m}"));
        }

        if (Smtp.From is not null && !MailboxAddress.TryParse(Smtp.From, out _))
        {
            yield return new ValidationResult("GapMonitor:Email:Smtp:From is not an email address.", [$"{nameof(Smtp)}.{nameof(Smtp.From)}"]);
        }

        if (!string.IsNullOrEmpty(Smtp.UserName) && string.IsNullOrEmpty(Smtp.Password))
        {
            yield return new ValidationResult("GapMonitor:Email:Smtp:Password is required with a UserName.", [$"{nameof(Smtp)}.{nameof(Smtp.Password)}"]);
        }

        if (!string.IsNullOrEmpty(Smtp.UserName) && Smtp.SecureSocket == SmtpSecureSocket.None)
        {
            yield return new ValidationResult(
                "GapMonitor:Email:Smtp:SecureSocket must not be None with a UserName: credentials are only sent over TLS (use Auto, StartTls or SslOnConnect).",
                [$"{nameof(Smtp)}.{nameof(Smtp.SecureSocket)}"]);
        }
    }
}
