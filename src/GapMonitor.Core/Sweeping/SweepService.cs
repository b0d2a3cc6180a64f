using GapMonitor.Core.Delivery;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping.Shards;
using GapMonitor.Core.Systems;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Sweeping;

/// <summary>
/// One cycle: pull → evaluate every system → deliver the outbox, for every system (<see cref="RunAsync"/>) or for one
/// shard of them (<see cref="RunShardAsync"/>, what a queue consumer runs). Safe to run concurrently with itself.
/// The pull is time-boxed (<see cref="SweepSettings.PullBudget"/>): evaluation never waits longer for it.
/// </summary>
public sealed class SweepService(
    IEnumerable<ITelemetryPuller> pullers,
    ISystemStore store,
    SystemEvaluation evaluation,
    OutboxDelivery delivery,
    SweepSettings settings,
    TimeProvider timeProvider,
    ILogger<SweepService> logger,
    IHistoryArchive? archive = null,
    Observability.GapMonitorMetrics? metrics = null)
{
    private readonly Lock _pullGate = new();

    /// <summary>This instance's pull, while it runs: a sweep joins it instead of pulling the same sources again.</summary>
    private Task<PullOutcome>? _pull;

    public Task<SweepSummary> RunAsync(CancellationToken cancellationToken = default) => RunShardAsync(SweepShard.All, cancellationToken);

    /// <summary>Pulls, evaluates and delivers the systems of <paramref name="shard"/> only (their due notifications included).</summary>
    public async Task<SweepSummary> RunShardAsync(SweepShard shard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        using var pullStops = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pull = StartPull(shard, shard.IsAll ? cancellationToken : pullStops.Token);
        try
        {
            var (pullsFailed, pulled, listed) = await WaitWithinBudgetAsync(pull, cancellationToken);
            var evaluated = await EvaluateAllAsync(SystemsToEvaluate(shard, listed, pulled, cancellationToken), cancellationToken);
            var delivered = await delivery.DeliverDueAsync(evaluated.Notified, shard, cancellationToken);
            await KeepHistoryOutOfLiveRowsAsync(evaluated.Changed, evaluated.Notified, cancellationToken);
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
                delivered.Failed,
                pullsFailed + evaluated.Failed + delivered.SystemsFailed);
            metrics?.SweepCompleted(summary.Duration, summary.SystemsEvaluated, summary.SystemsFailed, timeProvider.GetUtcNow());
            logger.LogInformation(
                "Sweep of {Shard} evaluated {Systems} systems: {Opened} opened, {Escalated} escalated, {Resolved} resolved, {Delivered} delivered, {Failed} failed in {Duration}",
                shard, summary.SystemsEvaluated, summary.AlertsOpened, summary.AlertsEscalated, summary.AlertsResolved, summary.NotificationsDelivered, summary.SystemsFailed, summary.Duration);
            return summary;
        }
        finally
        {
            if (!shard.IsAll)
            {
                await StopShardPullAsync(shard, pull, pullStops);
            }
        }
    }

    /// <summary>
    /// A shard's pull ends with its sweep: its queue message is deleted (or handed to another consumer) once the sweep
    /// returns, so nothing it started may go on. A pull still running is cancelled here; each system's telemetry state
    /// and checkpoint are saved together under its ETag, so the next pull goes on from what this one saved.
    /// </summary>
    private async Task StopShardPullAsync(SweepShard shard, Task<PullOutcome> pull, CancellationTokenSource pullStops)
    {
        if (!pull.IsCompleted)
        {
            logger.LogWarning("The telemetry pull of {Shard} was still running when its sweep ended; stopped, the next pull goes on from its checkpoints", shard);
            await pullStops.CancelAsync();
        }

        try
        {
            await pull;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Counted (or ignored past the budget) already; here only its end matters.
        }
    }

    /// <summary>
    /// Moves the history the evaluation just wrote (systems whose notifications finished in delivery were moved
    /// there), then runs the daily housekeeping when it is due. A failure here is logged: the next run moves it.
    /// </summary>
    private async Task KeepHistoryOutOfLiveRowsAsync(List<string> changed, Dictionary<string, MonitoredSystem> notified, CancellationToken cancellationToken)
    {
        if (archive is null)
        {
            return;
        }

        try
        {
            await archive.MoveHistoryAsync([.. changed.Where(id => !notified.ContainsKey(id))], cancellationToken);
            await archive.RunDailyHousekeepingAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Moving history out of the live rows failed; the next sweep or the daily housekeeping moves it");
        }
    }

    /// <summary>
    /// What the evaluation reads: a shard's systems as listed for its pull, with the systems the pull worked on read
    /// again (its writes changed their rows and ETags); the shard listed again when the pull did not end in time or did
    /// not say what it worked on, or worked on so many that one listing costs less than reading each. Every system's
    /// are listed here.
    /// </summary>
    private async IAsyncEnumerable<SystemWithAlerts> SystemsToEvaluate(
        SweepShard shard, IReadOnlyList<SystemWithAlerts>? listed, IReadOnlySet<string>? pulled, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (shard.IsAll || listed is null || pulled is null || pulled.Count > MaxSystemsReadAgain)
        {
            var listing = shard.IsAll ? store.ListAllAsync(cancellationToken) : store.ListRangeAsync(shard, cancellationToken);
            await foreach (var system in listing)
            {
                yield return system;
            }

            yield break;
        }

        foreach (var system in listed)
        {
            if (!pulled.Contains(system.System.Id))
            {
                yield return system;
            }
            else if (await ReadAgainAsync(system, cancellationToken) is { } current)
            {
                yield return current;
            }
        }
    }

    /// <summary>
    /// A pulled system as it is now; null when it is gone. A read that fails evaluates the listed copy: its writes are
    /// guarded by ETags, so a stale copy can only meet a conflict, and the rest of the shard goes on.
    /// </summary>
    private async Task<SystemWithAlerts?> ReadAgainAsync(SystemWithAlerts listed, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAsync(listed.System.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Reading {SystemId} again after its pull failed; evaluating the copy listed before the pull", listed.System.Id);
            return listed;
        }
    }

    private async Task<(int Systems, int Opened, int Escalated, int Resolved, int Conflicts, int Failed, Dictionary<string, MonitoredSystem> Notified, List<string> Changed)> EvaluateAllAsync(
        IAsyncEnumerable<SystemWithAlerts> toEvaluate, CancellationToken cancellationToken)
    {
        int systems = 0, opened = 0, escalated = 0, resolved = 0, conflicts = 0, failed = 0;
        var notified = new Dictionary<string, MonitoredSystem>(StringComparer.Ordinal);
        var changed = new List<string>();
        var inFlight = new List<(MonitoredSystem System, Task<EvaluationOutcome?> Outcome)>();
        await foreach (var system in toEvaluate)
        {
            systems++;
            inFlight.Add((system.System, EvaluateSafelyAsync(system, cancellationToken)));
            if (inFlight.Count >= MaxConcurrentWrites)
            {
                await TallyAsync();
            }
        }

        await TallyAsync();
        return (systems, opened, escalated, resolved, conflicts, failed, notified, changed);

        async Task TallyAsync()
        {
            await Task.WhenAll(inFlight.Select(f => f.Outcome));
            foreach (var (system, outcome) in inFlight)
            {
                if (await outcome is not { } o)
                {
                    failed++;
                    continue;
                }

                opened += o.Opened;
                escalated += o.Escalated;
                resolved += o.Resolved;
                conflicts += o.Conflict ? 1 : 0;
                if (o.Opened + o.Escalated + o.Resolved > 0)
                {
                    changed.Add(system.Id);
                }

                if (o.Notifications > 0)
                {
                    // Their notifications were written with this very row (under its ETag): delivery needs not read it again.
                    notified[system.Id] = system;
                }
            }

            inFlight.Clear();
        }
    }

    /// <summary>
    /// Every system's pull is shared by the sweeps that overlap it and goes on after a sweep that stopped waiting for it
    /// (<see cref="WaitWithinBudgetAsync"/>). A shard's pull is its own, under <paramref name="pullToken"/>, and
    /// ends with its sweep. Either returns before the pull's first step, so the budget starts before the pull does.
    /// </summary>
    private Task<PullOutcome> StartPull(SweepShard shard, CancellationToken pullToken)
    {
        if (!shard.IsAll)
        {
            return ListAndPullAsync(shard, pullToken);
        }

        lock (_pullGate)
        {
            if (_pull is not { IsCompleted: false })
            {
                _pull = PullAllAsync(shard, null, pullToken);
            }

            return _pull;
        }
    }

    /// <summary>
    /// Waits for the pull at most the budget; an every-system pull that takes longer goes on in the background (each
    /// system's telemetry state and checkpoint are saved under its ETag as it goes, so nothing is lost or read twice).
    /// Returns how many pullers failed, if the pull finished in time, and the systems it worked on (null: not known).
    /// </summary>
    private async Task<PullOutcome> WaitWithinBudgetAsync(Task<PullOutcome> pull, CancellationToken cancellationToken)
    {
        using var budgetOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var budget = Task.Delay(settings.PullBudget, timeProvider, budgetOver.Token);
        if (await Task.WhenAny(pull, budget) == pull)
        {
            await budgetOver.CancelAsync();
            try
            {
                return await pull;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The sweep that started the pull was cancelled (e.g. its request aborted); this one goes on.
                logger.LogWarning("The telemetry pull this sweep joined was cancelled; evaluating without it");
                return new PullOutcome(0, null, null);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        logger.LogWarning("Telemetry pull still running after {Budget}; evaluating without waiting for it", settings.PullBudget);
        return new PullOutcome(0, null, null);
    }

    /// <summary>
    /// A shard's pull: lists the shard's systems once, for the pull and then the evaluation. A listing that fails counts
    /// as a failed pull; the evaluation lists the shard itself then.
    /// </summary>
    private async Task<PullOutcome> ListAndPullAsync(SweepShard shard, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var listed = new List<SystemWithAlerts>();
        try
        {
            await foreach (var system in store.ListRangeAsync(shard, cancellationToken))
            {
                listed.Add(system);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Listing the systems of {Shard} for its pull failed; evaluation goes on", shard);
            return new PullOutcome(1, null, null);
        }

        return await PullAllAsync(shard, listed, cancellationToken);
    }

    private async Task<PullOutcome> PullAllAsync(SweepShard shard, List<SystemWithAlerts>? listed, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var failed = 0;
        HashSet<string>? worked = listed is null ? null : new(StringComparer.Ordinal);
        foreach (var puller in pullers)
        {
            try
            {
                var pulling = listed is not null ? puller.PullAsync(shard, listed, cancellationToken)
                    : shard.IsAll ? puller.PullAsync(cancellationToken)
                    : puller.PullAsync(shard, cancellationToken);
                var summary = await pulling;
                failed += summary.SystemsFailed;
                if (summary.Pulled is null)
                {
                    worked = null;
                }
                else
                {
                    worked?.UnionWith(summary.Pulled);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed++;
                worked = null;
                logger.LogError(ex, "Pulling telemetry ({Puller}) failed; evaluation goes on", puller.GetType().Name);
            }
        }

        return new PullOutcome(failed, worked, listed);
    }

    /// <summary>Null when evaluating or writing failed: logged here, and the other systems go on.</summary>
    private async Task<EvaluationOutcome?> EvaluateSafelyAsync(SystemWithAlerts system, CancellationToken cancellationToken)
    {
        try
        {
            return await evaluation.EvaluateAsync(system, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Evaluating {SystemId} failed; the next sweep tries again", system.System.Id);
            return null;
        }
    }

    /// <summary>Evaluation is a pure function; only the writes of systems that changed go to storage, this many at a time.</summary>
    private const int MaxConcurrentWrites = 32;

    /// <summary>Up to this many systems the pull worked on are read again one by one; more, and the shard is listed again.</summary>
    private const int MaxSystemsReadAgain = 50;

    /// <param name="Pulled">The systems the pull worked on; null when not known (then every system may have changed).</param>
    /// <param name="Listed">A shard's systems as listed before its pull.</param>
    private readonly record struct PullOutcome(int Failed, IReadOnlySet<string>? Pulled, IReadOnlyList<SystemWithAlerts>? Listed);
}
