using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>A page of keys in id order; <see cref="Next"/> is the cursor of the next page, null when there is no more.</summary>
public sealed record KeyList(
    IReadOnlyList<KeyResponse> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);
