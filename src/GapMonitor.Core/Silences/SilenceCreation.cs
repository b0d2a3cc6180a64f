using GapMonitor.Core.Alerts;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Silences;

/// <summary>
/// Creates a silence: its row, the system row that the sweep reads it from, the <c>silence.created</c> notice to the
/// other party and the audit entry, in one transaction; on a concurrent change of the system row it reads and decides again.
/// </summary>
public sealed class SilenceCreation(ISystemStore store, SilenceNotices notices, IdGenerator ids, TimeProvider timeProvider)
{
    /// <param name="alsoWrite">Called on the change set before it is written, to add rows that belong to the same transaction (e.g. an action link's use).</param>
    public Task<SilenceOutcome> CreateAsync(SilenceDraft draft, SilenceAuthor author, Action<SystemChangeSet>? alsoWrite = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(author);
        return ConflictRetry.RunAsync(async () =>
        {
            var found = await store.GetAsync(draft.SystemId, cancellationToken);
            if (found is null || !author.CanSee(found.System))
            {
                return SilenceOutcome.NotFound;
            }

            var now = timeProvider.GetUtcNow();
            if (SilenceRules.Check(draft, now) is { Count: > 0 } errors)
            {
                return new SilenceOutcome(SilenceResult.Invalid, Errors: errors);
            }

            var system = found.System;
            var current = system.Silences.Where(s => s.EndsAt > now).ToList();
            if (current.Count >= SilenceRules.MaxPerSystem)
            {
                return new SilenceOutcome(SilenceResult.TooMany);
            }

            var silence = new Silence
            {
                Id = ids.NewAlertId(system.Id),
                SystemId = system.Id,
                Kinds = SilenceRules.KindsOf(draft),
                StartsAt = (draft.StartsAt ?? now).ToUniversalTime(),
                EndsAt = draft.EndsAt!.Value.ToUniversalTime(),
                Reason = draft.Reason!.Trim(),
                By = string.IsNullOrWhiteSpace(draft.By) ? author.Actor : draft.By.Trim(),
                CreatedBy = author.CreatedBy,
                CreatedAt = now,
            };
            var changes = new SystemChangeSet(system.Id);
            changes.Save(silence);
            changes.UpdateSystem(system with { Silences = [.. current, silence.Window] });
            changes.Add(notices.Created(system, silence, author.Actor, now));
            alsoWrite?.Invoke(changes);
            await store.ApplyAsync(changes, system, cancellationToken);
            return new SilenceOutcome(SilenceResult.Created, silence);
        });
    }
}
