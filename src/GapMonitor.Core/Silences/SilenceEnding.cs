using GapMonitor.Core.Alerts;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Silences;

/// <summary>
/// Ends a silence now: its row records who ended it, the system row drops it and the audit says so, in one
/// transaction. The next sweep sends what the silence held back. Ending one already ended changes nothing.
/// </summary>
public sealed class SilenceEnding(ISystemStore store, ISilenceStore silences, SilenceNotices notices, TimeProvider timeProvider)
{
    public Task<SilenceOutcome> EndAsync(string silenceId, string actor, Func<Systems.MonitoredSystem, bool> canSee, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silenceId);
        ArgumentNullException.ThrowIfNull(canSee);
        return ConflictRetry.RunAsync(async () =>
        {
            var systemId = IdGenerator.SystemIdOfAlert(silenceId);
            var found = systemId is null ? null : await store.GetAsync(systemId, cancellationToken);
            if (found is null || !canSee(found.System) || await silences.GetAsync(silenceId, cancellationToken) is not { } silence)
            {
                return SilenceOutcome.NotFound;
            }

            var now = timeProvider.GetUtcNow();
            var system = found.System;
            if (silence.HasEnded(now))
            {
                return new SilenceOutcome(SilenceResult.AlreadyEnded, silence);
            }

            var ended = silence with { EndsAt = now < silence.StartsAt ? silence.StartsAt : now, EndedAt = now, EndedBy = actor };
            var changes = new SystemChangeSet(system.Id);
            changes.Save(ended);
            changes.UpdateSystem(system with { Silences = [.. system.Silences.Where(s => s.Id != silence.Id && s.EndsAt > now)] });
            changes.AddAudit(notices.Ended(silence, actor, now, early: true));
            await store.ApplyAsync(changes, system, cancellationToken);
            return new SilenceOutcome(SilenceResult.Ended, ended);
        });
    }
}
