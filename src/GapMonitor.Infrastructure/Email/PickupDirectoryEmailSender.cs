using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using MimeKit;

namespace GapMonitor.Infrastructure.Email;

/// <summary>
/// "Sends" email by writing RFC 5322 <c>{notificationId}.eml</c> files into a pickup directory (the local default
/// when no SMTP host is set). Each file appears whole: it is written under a temporary name and then renamed.
/// </summary>
public sealed class PickupDirectoryEmailSender(EmailComposer composer, string directory) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public string Directory { get; } = directory;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.Notification.Id;
        if (id.Length == 0 || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.StartsWith('.'))
        {
            return DeliveryResult.Failure("The notification id cannot be used as a file name.", permanent: true);
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

        using (email)
        {
            var path = Path.Combine(Directory, id + ".eml");
            var temporary = Path.Combine(Directory, $".{id}.{Guid.NewGuid():N}.tmp");
            try
            {
                System.IO.Directory.CreateDirectory(Directory);
                await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
                {
                    await email.WriteToAsync(stream, cancellationToken);
                }

                // A retry of the same notification writes the same message, so replacing is idempotent.
                File.Move(temporary, path, overwrite: true);
                return DeliveryResult.Success;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return DeliveryResult.Failure($"Cannot write to the email pickup directory: {ex.Message}");
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
