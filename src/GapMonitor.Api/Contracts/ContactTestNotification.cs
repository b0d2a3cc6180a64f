namespace GapMonitor.Api.Contracts;

/// <param name="Id">The notification id (the webhook-id); its fate shows in <c>GET /api/systems/{id}/deliveries</c>.</param>
/// <param name="To">The email address, or the webhook host.</param>
public sealed record ContactTestNotification(string Id, string Channel, string To);
