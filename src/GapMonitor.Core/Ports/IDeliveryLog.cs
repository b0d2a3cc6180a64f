using GapMonitor.Core.Notifications;

namespace GapMonitor.Core.Ports;

/// <summary>Every notification of a system with its fate, live or archived.</summary>
public interface IDeliveryLog
{
    /// <summary>
    /// A page of the system's notifications, newest first; <paramref name="notBefore"/> is a time no notification of
    /// the system predates (its registration), which bounds the search for older ones.
    /// <see cref="InvalidContinuationException"/> for a continuation this list did not make.
    /// </summary>
    Task<ResultPage<Notification>> ListNewestFirstAsync(string systemId, DateTimeOffset notBefore, PageRequest page, CancellationToken cancellationToken = default);
}
