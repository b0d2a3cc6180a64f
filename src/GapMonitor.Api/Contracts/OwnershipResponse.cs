using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>
/// Where the customer's ownership confirmation stands. <c>history</c> is a page of confirmations, newest first (the
/// system keeps the latest 50); <c>items</c> is the same page, so list clients read it like every other list.
/// </summary>
/// <param name="State"><c>due</c>, <c>confirmed</c> or <c>overdue</c>.</param>
/// <param name="DueAt">When the (next) confirmation is due.</param>
/// <param name="ConfirmedAt">The latest confirmation, if any.</param>
public sealed record OwnershipResponse(
    string State,
    DateTimeOffset DueAt,
    DateTimeOffset? ConfirmedAt,
    string? ConfirmedBy,
    IReadOnlyList<OwnershipConfirmationResponse> History,
    IReadOnlyList<OwnershipConfirmationResponse> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);
