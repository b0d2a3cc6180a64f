namespace GapMonitor.Core.Notifications;

public sealed record SystemSnapshot(string Id, string Name, string Vendor, string Customer);
