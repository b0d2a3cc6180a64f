using GapMonitor.Core.Fleet;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Scorecards;

/// <summary>Measures a system's continuity practices over a period from what is stored: alerts, windows, deliveries, confirmations.</summary>
public sealed class ScorecardQuery(SystemScope scope, ISystemStore store, ScorecardHistoryReader reader, TimeProvider timeProvider)
{
    /// <summary>The default period: the 30 days up to now.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    /// <summary>
    /// The most systems one fleet page measures, whatever <c>limit</c> asks: each costs a few bounded range reads, and a
    /// page must answer within a Functions HTTP timeout. The rest is behind <c>next</c>, as with every list.
    /// </summary>
    public const int MaxSystemsPerPage = 50;

    /// <summary>Null when the system does not exist for <paramref name="principal"/> (another tenant's is the same as none).</summary>
    public async Task<Scorecard?> GetAsync(Principal principal, string systemId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var found = await scope.FindAsync(principal, systemId, cancellationToken: cancellationToken);
        if (found is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var (start, end) = Period(from, to, now);
        return await MeasureAsync(found, start, end, now, cancellationToken);
    }

    /// <summary>
    /// The scorecards of a page of the systems in scope (vendor and customer of <paramref name="filter"/> apply), in id
    /// order: one scan of the systems, then each page system's own bounded reads.
    /// </summary>
    public async Task<ScorecardFleetPage> ListAsync(Principal principal, FleetFilter filter, PageRequest page, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var now = timeProvider.GetUtcNow();
        var (start, end) = Period(from, to, now);
        var inScope = 0;
        var following = new List<SystemWithAlerts>();
        await foreach (var found in store.ListAllAsync(cancellationToken))
        {
            var system = found.System;
            if (!principal.CanSee(system)
                || (filter.Vendor is not null && !string.Equals(system.Vendor, filter.Vendor, StringComparison.Ordinal))
                || (filter.Customer is not null && !string.Equals(system.Customer, filter.Customer, StringComparison.Ordinal)))
            {
                continue;
            }

            inScope++;
            if (page.Continuation is null || string.CompareOrdinal(system.Id, page.Continuation) > 0)
            {
                following.Add(found);
            }
        }

        following.Sort((a, b) => string.CompareOrdinal(a.System.Id, b.System.Id));
        var limit = Math.Min(page.Limit, MaxSystemsPerPage);
        var items = new List<Scorecard>();
        foreach (var found in following.Take(limit))
        {
            items.Add(await MeasureAsync(found, start, end, now, cancellationToken));
        }

        var continuation = following.Count > limit ? items[^1].SystemId : null;
        return new ScorecardFleetPage(start, end, items, continuation, Totals(inScope, items));
    }

    /// <summary>The period asked for: <paramref name="to"/> defaults to now, <paramref name="from"/> to <see cref="DefaultPeriod"/> before it.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Period(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now)
    {
        var end = to ?? now;
        var start = from ?? end - DefaultPeriod;
        if (start >= end)
        {
            throw new ArgumentException("The period must start before it ends.", nameof(from));
        }

        return (start, end);
    }

    private async Task<Scorecard> MeasureAsync(SystemWithAlerts found, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var system = found.System;
        var period = ScorecardPeriod.Of(system, from, to, now);
        var history = await reader.ReadAsync(found, period, cancellationToken);
        List<ScorecardMeasure> measures =
        [
            .. MonitoringMeasures.Measure(system, period, history),
            .. DeploymentMeasures.Measure(system, period, history),
            .. ValidationMeasures.Measure(system, period, history),
            .. OwnershipMeasures.Measure(system, period),
            .. ResponseMeasures.Measure(system, period, history),
            .. AlertingMeasures.Measure(period, history),
        ];
        return new Scorecard(system.Id, system.Name, system.Vendor, system.Customer, from, to, Measures.Score(measures), measures);
    }

    private static ScorecardTotals Totals(int inScope, IReadOnlyList<Scorecard> items)
    {
        var scores = items.Where(i => i.Score is not null).Select(i => i.Score!.Value).ToList();
        var measures = items
            .SelectMany(i => i.Practices)
            .GroupBy(m => (m.Practice, m.Measure))
            .Select(g => new ScorecardMeasureTotal(g.Key.Practice, g.Key.Measure, g.Count(m => m.Met == true), g.Count(m => m.Met == false), g.Count(m => m.Met is null)))
            .ToList();
        return new ScorecardTotals(inScope, items.Count, scores.Count == 0 ? null : (int)Math.Round(scores.Average(), MidpointRounding.AwayFromZero), measures);
    }
}
