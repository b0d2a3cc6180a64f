using GapMonitor.Core.Alerts;

namespace GapMonitor.Core.Ports;

public sealed record AlertQuery(
    string? SystemId = null,
    AlertState? State = null,
    string? Kind = null,
    string? Vendor = null,
    string? Customer = null,
    int Max = 500);
