using GapMonitor.Core.Abstractions;
using GapMonitor.Core.Delivery;
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
        var delivered = await delivery.DeliverDueAsync(cancellationToken);
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

    private async Task<(int Systems, int Opened, int Escalated, int Resolved, int Conflicts)> EvaluateAllAsync(CancellationToken cancellationToken)
    {
        int systems = 0, opened = 0, escalated = 0, resolved = 0, conflicts = 0;
        var inFlight = new List<Task<EvaluationOutcome>>();
        await foreach (var system in store.ListAllAsync(cancellationToken))
        {
            systems++;
            inFlight.Add(evaluation.EvaluateAsync(system, cancellationToken));
            if (inFlight.Count >= MaxConcurrentWrites)
            {
                Tally(await Task.WhenAll(inFlight));
                inFlight.Clear();
            }
        }

        Tally(await Task.WhenAll(inFlight));
        return (systems, opened, escalated, resolved, conflicts);

        void Tally(IEnumerable<EvaluationOutcome> outcomes)
        {
            foreach (var o in outcomes)
            {
                opened += o.Opened;
                escalated += o.Escalated;
                resolved += o.Resolved;
                conflicts += o.Conflict ? 1 : 0;
            }
        }
    }

    /// <summary>Evaluation is a pure function; only the writes of systems that changed go to storage, this many at a time.</summary>
    private const int MaxConcurrentWrites = 32;
}
