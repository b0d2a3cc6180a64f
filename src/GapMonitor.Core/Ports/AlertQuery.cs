using GapMonitor.Core.Alerts;

namespace GapMonitor.Core.Ports;

/// <summary>Which alerts to list; <see cref="OpenedFrom"/> is inclusive, <see cref="OpenedBefore"/> exclusive. <see cref="Max"/> bounds <c>QueryAsync</c> only.</summary>
public sealed record AlertQuery(
    string? SystemId = null,
    AlertState? State = null,
    string? Kind = null,
    string? Vendor = null,
    string? Customer = null,
    int Max = 500,
    DateTimeOffset? OpenedFrom = null,
    DateTimeOffset? OpenedBefore = null);
