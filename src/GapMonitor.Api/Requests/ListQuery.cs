using System.Globalization;
using GapMonitor.Core.Ports;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Requests;

/// <summary><c>limit</c> (1–1000, default 100) and <c>cursor</c>, taken by every list route; a bad one is a 400 naming it.</summary>
public static class ListQuery
{
    public const string Limit = "limit";
    public const string Cursor = "cursor";
    public const string CursorMessage = "Not a cursor of this list: pass the `next` of the previous page unchanged.";

    public static PageRequest Read(HttpRequest request, string list, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(validation);
        var limit = PageRequest.DefaultLimit;
        var limitText = request.Query[Limit].ToString();
        if (request.Query[Limit].Count > 1
            || (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > PageRequest.MaxLimit)))
        {
            validation.Add(Limit, $"A whole number from 1 to {PageRequest.MaxLimit} (default {PageRequest.DefaultLimit}).");
            limit = PageRequest.DefaultLimit;
        }

        string? continuation = null;
        var cursorText = request.Query[Cursor].ToString();
        if (request.Query[Cursor].Count > 1 || (cursorText.Length > 0 && (continuation = ListCursor.Decode(list, cursorText)) is null))
        {
            validation.Add(Cursor, CursorMessage);
        }

        return new PageRequest(limit, continuation);
    }

    /// <summary>The <c>next</c> of a page: the cursor of the store's continuation, or null when nothing is left.</summary>
    public static string? Next(string list, string? continuation) =>
        continuation is null ? null : ListCursor.Encode(list, continuation);
}
