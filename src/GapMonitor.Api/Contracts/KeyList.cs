namespace GapMonitor.Api.Contracts;

/// <summary>A page of keys in id order; <c>next</c> is the cursor of the next page, null when there is no more.</summary>
public sealed record KeyList(IReadOnlyList<KeyResponse> Items, string? Next) : ListPage<KeyResponse>(Items, Next);
