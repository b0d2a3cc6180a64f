using GapMonitor.Api.Hosting;
using GapMonitor.Core.Fleet;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Requests;

/// <summary>The fleet's filters and page from the query string, as GET /api/fleet and the console's fleet page read them.</summary>
public static class FleetRequest
{
    public static (FleetFilter Filter, PageRequest Page) Read(HttpRequest request, Validation v)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(v);
        var state = Text(request, "state", v);
        if (state is not null && !FleetStates.All.Contains(state))
        {
            v.Add("state", $"One of {string.Join(", ", FleetStates.All)}.");
        }

        var filter = new FleetFilter(
            Text(request, "vendor", v),
            Text(request, "customer", v),
            Text(request, "owner", v) switch
            {
                null => null,
                "vendor" => Party.Vendor,
                "customer" => Party.Customer,
                _ => InvalidOwner(v),
            },
            state);
        var page = ListQuery.Read(request, ApiRoutes.Fleet, v);
        if (page.Continuation is { } position && !SystemIds.IsValid(position))
        {
            v.Add(ListQuery.Cursor, ListQuery.CursorMessage);
        }

        return (filter, page);
    }

    /// <summary>A query value given at most once, at most 200 characters; null when absent or empty.</summary>
    public static string? Text(HttpRequest request, string name, Validation v)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(v);
        var values = request.Query[name];
        if (values.Count > 1)
        {
            v.Add(name, "Give it once.");
            return null;
        }

        var text = values.ToString();
        if (text.Length > 200)
        {
            v.Add(name, "At most 200 characters.");
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    private static Party? InvalidOwner(Validation v)
    {
        v.Add("owner", "vendor or customer.");
        return null;
    }
}
