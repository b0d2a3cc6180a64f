using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Notifications;

public sealed record SystemSnapshot(string Id, string Name, string Vendor, string Customer)
{
    public static SystemSnapshot Of(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new SystemSnapshot(system.Id, system.Name, system.Vendor, system.Customer);
    }
}
