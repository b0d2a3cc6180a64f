namespace GapMonitor.Core.Alerts;

/// <summary>Time-ordered identifiers (UUIDv7) drawn from the injected clock.</summary>
public sealed class IdGenerator(TimeProvider timeProvider)
{
    public string NewId() => Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("N");

    /// <summary>Alert ids carry their system id so an alert is found with one partition read: <c>{systemId}.{uuid7}</c>.</summary>
    public string NewAlertId(string systemId) => $"{systemId}.{NewId()}";

    public static string? SystemIdOfAlert(string alertId)
    {
        var dot = alertId.LastIndexOf('.');
        return dot > 0 ? alertId[..dot] : null;
    }
}
