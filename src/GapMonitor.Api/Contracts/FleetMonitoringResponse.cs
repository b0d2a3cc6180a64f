using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <param name="State"><c>new</c>, <c>up</c>, <c>late</c>, <c>down</c> or <c>retired</c>.</param>
public sealed record FleetMonitoringResponse(string State, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? LastHeartbeatAt);
