using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Requests;

/// <summary>A time in the query string (<c>from</c>, <c>to</c>): ISO 8601, UTC when it names no offset.</summary>
public static class QueryTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public static DateTimeOffset? Read(HttpRequest request, string name, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(validation);
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (request.Query[name].Count == 1
            && DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        validation.Add(name, "An ISO 8601 time in UTC, such as 2026-11-26T08:00:00Z.");
        return null;
    }
}
