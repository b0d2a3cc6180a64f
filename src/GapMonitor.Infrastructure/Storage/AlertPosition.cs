using System.Globalization;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Ports;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>Where a page of alerts (newest first by opening time, then id) ended: <c>{openedAt UTC ticks:D19}|{alertId}</c>.</summary>
internal sealed record AlertPosition(DateTimeOffset OpenedAt, string AlertId) : IComparable<AlertPosition>
{
    public static AlertPosition Of(Alert alert) => new(alert.OpenedAt, alert.Id);

    public static AlertPosition? Parse(string? continuation)
    {
        if (continuation is null)
        {
            return null;
        }

        var bar = continuation.IndexOf('|', StringComparison.Ordinal);
        if (bar != 19
            || continuation.Length > 19 + 1 + 200
            || !long.TryParse(continuation.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || continuation.Length == bar + 1)
        {
            throw new InvalidContinuationException("Not a continuation of the alerts list.");
        }

        return new AlertPosition(new DateTimeOffset(ticks, TimeSpan.Zero), continuation[(bar + 1)..]);
    }

    public override string ToString() =>
        OpenedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + AlertId;

    /// <summary>Oldest first; a list shows the reverse.</summary>
    public int CompareTo(AlertPosition? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byTime = OpenedAt.UtcTicks.CompareTo(other.OpenedAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(AlertId, other.AlertId);
    }
}
