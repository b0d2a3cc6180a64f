using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Fleet;

/// <summary>
/// The fleet: every system in the principal's scope with its monitoring, open alerts, last drift and continuity score,
/// a page of them in id order, and totals over all pages. One scan of the systems and their active alerts, whatever
/// the page.
/// </summary>
public sealed class FleetQuery(ISystemStore store, TimeProvider timeProvider)
{
    public async Task<FleetPage> ListAsync(Principal principal, FleetFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var now = timeProvider.GetUtcNow();
        var totals = new Tally();
        var following = new List<FleetRow>();
        await foreach (var found in store.ListAllAsync(cancellationToken))
        {
            if (!principal.CanSee(found.System) || !Selects(filter, found.System))
            {
                continue;
            }

            var row = FleetRowReader.Read(found, now);
            if (!Matches(filter, row))
            {
                continue;
            }

            totals.Add(row);
            if (page.Continuation is null || string.CompareOrdinal(row.System.Id, page.Continuation) > 0)
            {
                following.Add(row);
            }
        }

        following.Sort((a, b) => string.CompareOrdinal(a.System.Id, b.System.Id));
        var items = following.Take(page.Limit).ToList();
        var continuation = following.Count > page.Limit ? items[^1].System.Id : null;
        return new FleetPage(items, continuation, totals.ToTotals());
    }

    private static bool Selects(FleetFilter filter, MonitoredSystem system) =>
        (filter.Vendor is null || string.Equals(system.Vendor, filter.Vendor, StringComparison.Ordinal))
        && (filter.Customer is null || string.Equals(system.Customer, filter.Customer, StringComparison.Ordinal));

    private static bool Matches(FleetFilter filter, FleetRow row) =>
        (filter.Owner is null || row.Owner == filter.Owner)
        && filter.State switch
        {
            null => true,
            FleetStates.Lapsed => row.Lapsed,
            FleetStates.Ok => !row.Lapsed && row.Monitoring != FleetStates.Retired,
            var state => row.Monitoring == state,
        };

    private sealed class Tally
    {
        private readonly SortedDictionary<string, int> _byOwner = new(StringComparer.Ordinal) { ["customer"] = 0, ["vendor"] = 0 };
        private readonly SortedDictionary<string, int> _byMonitoring = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _openAlerts = new(StringComparer.Ordinal);
        private int _systems;
        private int _lapsed;

        public void Add(FleetRow row)
        {
            _systems++;
            _lapsed += row.Lapsed ? 1 : 0;
            var owner = row.Owner.ToString().ToLowerInvariant();
            _byOwner[owner] = _byOwner.GetValueOrDefault(owner) + 1;
            _byMonitoring[row.Monitoring] = _byMonitoring.GetValueOrDefault(row.Monitoring) + 1;
            foreach (var (kind, count) in row.OpenAlerts)
            {
                _openAlerts[kind] = _openAlerts.GetValueOrDefault(kind) + count;
            }
        }

        public FleetTotals ToTotals() => new(_systems, _lapsed, _byOwner, _byMonitoring, _openAlerts);
    }
}
