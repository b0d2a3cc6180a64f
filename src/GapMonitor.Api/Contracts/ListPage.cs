using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>
/// The answer of every list route: this page's items and <c>next</c>, the cursor of the following page — null only
/// when nothing is left. A page may hold fewer items than <c>limit</c> and still have a <c>next</c>.
/// </summary>
public record ListPage<T>(
    IReadOnlyList<T> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);
