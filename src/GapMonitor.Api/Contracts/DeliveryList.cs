namespace GapMonitor.Api.Contracts;

public sealed record DeliveryList(IReadOnlyList<DeliveryResponse> Items, string? Next) : ListPage<DeliveryResponse>(Items, Next);
