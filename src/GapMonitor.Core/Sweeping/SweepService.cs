using GapMonitor.Core.Abstractions;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Systems;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Sweeping;

/// <summary>One cycle: pull → evaluate every system → deliver the outbox. Safe to run concurrently with itself.</summary>
public sealed class SweepService(
    IEnumerable<ITelemetryPuller> pullers,
    ISystemStore store,
    SystemEvaluation evaluation,
    OutboxDelivery delivery,
    TimeProvider timeProvider,
    ILogger<SweepService> logger)
{
    public async Task<SweepSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        foreach (var puller in pullers)
        {
            await puller.PullAsync(cancellationToken);
        }

        var evaluated = await EvaluateAllAsync(cancellationToken);
        var delivered = await delivery.DeliverDueAsync(evaluated.Notified, cancellationToken);
        var summary = new SweepSummary(
            startedAt,
            timeProvider.GetElapsedTime(started),
            evaluated.Systems,
            evaluated.Opened,
            evaluated.Escalated,
            evaluated.Resolved,
            evaluated.Conflicts,
            delivered.Delivered,
            delivered.Retrying,
            delivered.Failed);
        logger.LogInformation(
            "Sweep evaluated {Systems} systems: {Opened} opened, {Escalated} escalated, {Resolved} resolved, {Delivered} delivered in {Duration}",
            summary.SystemsEvaluated, summary.AlertsOpened, summary.AlertsEscalated, summary.AlertsResolved, summary.NotificationsDelivered, summary.Duration);
        return summary;
    }

    private async Task<(int Systems, int Opened, int Escalated, int Resolved, int Conflicts, Dictionary<string, MonitoredSystem> Notified)> EvaluateAllAsync(
        CancellationToken cancellationToken)
    {
        int systems = 0, opened = 0, escalated = 0, resolved = 0, conflicts = 0;
        var notified = new Dictionary<string, MonitoredSystem>(StringComparer.Ordinal);
        var inFlight = new List<(MonitoredSystem System, Task<EvaluationOutcome> Outcome)>();
        await foreach (var system in store.ListAllAsync(cancellationToken))
        {
            systems++;
            inFlight.Add((system.System, evaluation.EvaluateAsync(system, cancellationToken)));
            if (inFlight.Count >= MaxConcurrentWrites)
            {
                await TallyAsync();
            }
        }

        await TallyAsync();
        return (systems, opened, escalated, resolved, conflicts, notified);

        async Task TallyAsync()
        {
            await Task.WhenAll(inFlight.Select(f => f.Outcome));
            foreach (var (system, outcome) in inFlight)
            {
                var o = await outcome;
                opened += o.Opened;
                escalated += o.Escalated;
                resolved += o.Resolved;
                conflicts += o.Conflict ? 1 : 0;
                if (o.Notifications > 0)
                {
                    // Their notifications were written with this very row (under its ETag): delivery needs not read it again.
                    notified[system.Id] = system;
                }
            }

            inFlight.Clear();
        }
    }

    /// <summary>Evaluation is a pure function; only the writes of systems that changed go to storage, this many at a time.</summary>
    private const int MaxConcurrentWrites = 32;
}
