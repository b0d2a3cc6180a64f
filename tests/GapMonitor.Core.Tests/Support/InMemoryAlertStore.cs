using System.Runtime.CompilerServices;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Tests.Support;

/// <summary>Alerts of any state in memory, filtered like the table store (opened from inclusive, before exclusive; pages newest first).</summary>
internal sealed class InMemoryAlertStore : IAlertStore
{
    public List<Alert> Alerts { get; } = [];

    public Task<AlertWithHistory?> GetAsync(string alertId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Alerts.Find(a => a.Id == alertId) is { } alert ? new AlertWithHistory(alert, [], []) : null);

    public async IAsyncEnumerable<Alert> QueryAsync(AlertQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var alert in Matching(query).Take(query.Max))
        {
            await Task.Yield();
            yield return alert;
        }
    }

    public Task<ResultPage<Alert>> ListPageAsync(AlertQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var newest = Matching(query).OrderByDescending(a => a.OpenedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal).ToList();
        var items = newest.Take(page.Limit).ToList();
        return Task.FromResult(new ResultPage<Alert>(items, newest.Count > page.Limit ? items[^1].Id : null));
    }

    private IEnumerable<Alert> Matching(AlertQuery query) => Alerts.Where(a =>
        (query.SystemId is null || a.SystemId == query.SystemId)
        && (query.State is null || a.State == query.State)
        && (query.Kind is null || a.Kind == query.Kind)
        && (query.OpenedFrom is null || a.OpenedAt >= query.OpenedFrom)
        && (query.OpenedBefore is null || a.OpenedAt < query.OpenedBefore));
}
