namespace GapMonitor.Core.Delivery;

/// <summary>
/// What one finished delivery says about its contact: reached, or given up on.
/// <paramref name="AboutUnreachableContact"/>: the notification was itself about <c>contact-unreachable</c>; its failure
/// only names the contact, it never tells anybody (that could go on forever).
/// </summary>
public sealed record DeliveryFact(string Target, bool Reached, bool AboutUnreachableContact, string? Error = null);
