using GapMonitor.Core.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Infrastructure.Email;

/// <summary>Says at startup, loudly, when email alerts cannot reach anybody.</summary>
public sealed partial class EmailSetupReporter(EmailDeliverySetup setup, ILogger<EmailSetupReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (setup.Problem is { } problem)
        {
            LogNotConfigured(logger, problem);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
    private static partial void LogNotConfigured(ILogger logger, string problem);
}
