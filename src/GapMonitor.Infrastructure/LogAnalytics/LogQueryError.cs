using System.Text.Json;

namespace GapMonitor.Infrastructure.LogAnalytics;

/// <summary>
/// A OneAPI error object as the Log Analytics API sends it: <c>code</c>, <c>message</c>, optional <c>details</c>
/// and a chain of <c>innererror</c>s.
/// </summary>
public sealed record LogQueryError(string Code, string Message, IReadOnlyList<LogQueryError> Details, LogQueryError? InnerError)
{
    /// <summary>The Kusto error naming a result cut at the row-count (500,000) or size (64 MB) limit.</summary>
    internal const string ResultSetTooLarge = "E_QUERY_RESULT_SET_TOO_LARGE";

    /// <summary>True when this error, its details or inner errors say the result set was cut at a service limit.</summary>
    public bool IsResultTruncated => SelfAndDescendants().Any(error =>
        error.Code.Contains(ResultSetTooLarge, StringComparison.OrdinalIgnoreCase)
        || error.Message.Contains(ResultSetTooLarge, StringComparison.OrdinalIgnoreCase));

    /// <summary>The last error of the <c>innererror</c> chain (e.g. <c>SyntaxError</c>), or null when there is none.</summary>
    public LogQueryError? Innermost
    {
        get
        {
            var inner = InnerError;
            while (inner?.InnerError is { } deeper)
            {
                inner = deeper;
            }

            return inner;
        }
    }

    /// <summary>This error, then every detail and inner error, depth first.</summary>
    public IEnumerable<LogQueryError> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Details.Append(InnerError).OfType<LogQueryError>())
        {
            foreach (var descendant in child.SelfAndDescendants())
            {
                yield return descendant;
            }
        }
    }

    /// <summary>Reads an error object; null when <paramref name="element"/> is not one.</summary>
    internal static LogQueryError? From(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var details = element.TryGetProperty("details", out var detailsElement) && detailsElement.ValueKind == JsonValueKind.Array
            ? detailsElement.EnumerateArray().Select(From).OfType<LogQueryError>().ToArray()
            : [];
        var inner = element.TryGetProperty("innererror", out var innerElement) ? From(innerElement) : null;
        return new LogQueryError(StringOrEmpty(element, "code"), StringOrEmpty(element, "message"), details, inner);
    }

    private static string StringOrEmpty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
