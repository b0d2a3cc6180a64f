namespace GapMonitor.Api.Contracts;

/// <summary>One notification and its fate.</summary>
/// <param name="Id">The notification id, sent as the webhook-id.</param>
/// <param name="To">The email address, or the webhook host (never the URL: it may carry a token).</param>
/// <param name="State"><c>pending</c> (not tried yet), <c>failed</c> (an attempt failed; retrying), <c>delivered</c>, or <c>given-up</c>.</param>
/// <param name="LastError">Why the last attempt failed; URLs in it are cut down to their host.</param>
/// <param name="NextAttemptAt">When the next attempt is due, while the notification is pending or retrying.</param>
public sealed record DeliveryResponse(
    string Id,
    string Type,
    string? AlertId,
    string Party,
    string Channel,
    string To,
    string State,
    int Attempts,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt);
