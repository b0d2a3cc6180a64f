using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Tests.Support;

/// <summary>Notifications in memory, listed newest first by creation in pages (the continuation is the last id).</summary>
internal sealed class InMemoryDeliveryLog : IDeliveryLog
{
    public List<Notification> Notifications { get; } = [];

    public Task<ResultPage<Notification>> ListNewestFirstAsync(string systemId, DateTimeOffset notBefore, PageRequest page, CancellationToken cancellationToken = default)
    {
        var newest = Notifications.Where(n => n.SystemId == systemId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id, StringComparer.Ordinal).ToList();
        var start = page.Continuation is null ? 0 : newest.FindIndex(n => n.Id == page.Continuation) + 1;
        var items = newest.Skip(start).Take(page.Limit).ToList();
        return Task.FromResult(new ResultPage<Notification>(items, start + items.Count < newest.Count ? items[^1].Id : null));
    }
}
