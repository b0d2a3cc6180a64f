using GapMonitor.Core.Notifications;
using GapMonitor.Infrastructure.Email;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GapMonitor.Infrastructure.Tests.Email;

public sealed class PickupDirectoryEmailSenderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gapmonitor-tests", Guid.NewGuid().ToString("N"));

    private string Directory => Path.Combine(_root, "mail", "pickup");

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_root))
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
    }

    private PickupDirectoryEmailSender Sender() => new(new EmailComposer(Options.Create(new EmailOptions())), Directory);

    [Fact]
    public async Task SendAsync_WritesAParseableEmlNamedAfterTheNotification()
    {
        var message = TestMessages.Email("mlops@acme.example");

        var result = await Sender().SendAsync(message);

        Assert.True(result.Succeeded, result.Error);
        var file = Assert.Single(System.IO.Directory.GetFiles(Directory));
        Assert.Equal($"{message.Notification.Id}.eml", Path.GetFileName(file));
        using var email = await MimeMessage.LoadAsync(file);
        Assert.Equal("[GapMonitor] Churn model for ACME (acme-churn): monitoring-silent opened", email.Subject);
        Assert.Equal($"{message.Notification.Id}@gapmonitor", email.MessageId);
        Assert.Equal("mlops@acme.example", Assert.IsType<MailboxAddress>(Assert.Single(email.To)).Address);
    }

    [Fact]
    public async Task SendAsync_WhenSentAgain_ReplacesTheSameFileAndLeavesNoTemporaryFiles()
    {
        var sender = Sender();
        var message = TestMessages.Email("mlops@acme.example");

        await sender.SendAsync(message);
        var again = await sender.SendAsync(message);
        await sender.SendAsync(TestMessages.Email("mlops@acme.example", NotificationTypes.Resolved, id: "0193c2a5f1d27e4b9c0a1b2c3d4e5f99"));

        Assert.True(again.Succeeded, again.Error);
        Assert.Equal(
            ["0193c2a5f1d27e4b9c0a1b2c3d4e5f62.eml", "0193c2a5f1d27e4b9c0a1b2c3d4e5f99.eml"],
            System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendAsync_WhenDirectoryCannotBeCreated_ReturnsRetryableFailure()
    {
        System.IO.Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "mail"), "a file where the directory should be");

        var result = await Sender().SendAsync(TestMessages.Email("mlops@acme.example"));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains("pickup directory", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    public async Task SendAsync_WhenIdIsNotAFileName_FailsPermanently(string id)
    {
        var result = await Sender().SendAsync(TestMessages.Email("mlops@acme.example", id: id));

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.False(System.IO.Directory.Exists(Directory));
    }
}
