using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>One system of the fleet. <c>ownership</c>, <c>lastDrift</c> and <c>silencedUntil</c> are null when there is nothing to show.</summary>
/// <param name="OpenAlerts">Alerts in state open, by kind.</param>
/// <param name="AcknowledgedAlerts">Alerts in state acknowledged, by kind.</param>
/// <param name="Lapsed">An open alert, or monitoring down.</param>
public sealed record FleetSystemResponse(
    string SystemId,
    string Name,
    string Vendor,
    string Customer,
    string Owner,
    FleetMonitoringResponse Monitoring,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] FleetOwnershipResponse? Ownership,
    IReadOnlyDictionary<string, int> OpenAlerts,
    IReadOnlyDictionary<string, int> AcknowledgedAlerts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? OldestUnacknowledgedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] FleetDriftResponse? LastDrift,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? SilencedUntil,
    FleetContinuityResponse Continuity,
    bool Lapsed);
