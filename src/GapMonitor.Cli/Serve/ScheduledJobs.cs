using GapMonitor.Api;
using GapMonitor.Api.Scheduling;
using GapMonitor.Composition;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping.Shards;
using Microsoft.Extensions.Options;

namespace GapMonitor.Cli.Serve;

/// <summary>
/// The standalone host's timers: the same jobs and NCRONTAB schedules the Functions host's Timer triggers run,
/// driven by the injected <see cref="TimeProvider"/>. A failing run is logged and the next one still happens.
/// </summary>
public sealed class ScheduledJobs(IServiceProvider services, IOptions<GapMonitorOptions> options, TimeProvider timeProvider, ILogger<ScheduledJobs> logger)
    : BackgroundService
{
    /// <summary>Each job gets the occurrence it runs for: the same instant in every process that shares the schedule.</summary>
    public static IReadOnlyDictionary<string, Func<IServiceProvider, DateTimeOffset, CancellationToken, Task>> Jobs { get; } =
        new Dictionary<string, Func<IServiceProvider, DateTimeOffset, CancellationToken, Task>>(StringComparer.Ordinal)
        {
            [Schedules.SweepTimer] = (sp, occurrence, ct) => sp.GetRequiredService<SweepTick>().RunAsync(occurrence, ct),
            [Schedules.DeliveryTimer] = (sp, _, ct) => sp.GetRequiredService<OutboxDelivery>().DeliverDueAsync(ct),
            [Schedules.PullTimer] = (sp, _, ct) => Task.WhenAll(sp.GetServices<ITelemetryPuller>().Select(p => p.PullAsync(ct))),
        };

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var expressions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Schedules.SweepTimer] = options.Value.SweepSchedule,
            [Schedules.DeliveryTimer] = options.Value.DeliverySchedule,
            [Schedules.PullTimer] = options.Value.PullSchedule,
        };
        return Task.WhenAll(Jobs.Select(job => RunOnScheduleAsync(job.Key, CronSchedules.Parse(expressions[job.Key]), job.Value, stoppingToken)));
    }

    private async Task RunOnScheduleAsync(string name, NCrontab.CrontabSchedule schedule, Func<IServiceProvider, DateTimeOffset, CancellationToken, Task> job, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, timeProvider, stoppingToken);
                await job(services, next, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogError(ex, "Scheduled job {Job} failed; it runs again at its next occurrence", name);
            }
        }
    }
}
