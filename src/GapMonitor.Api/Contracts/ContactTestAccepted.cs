namespace GapMonitor.Api.Contracts;

public sealed record ContactTestAccepted(IReadOnlyList<ContactTestNotification> Notifications);
