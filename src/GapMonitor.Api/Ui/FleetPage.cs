using System.Globalization;
using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Fleet;
using GapMonitor.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Ui;

/// <summary>
/// <c>GET /ui/fleet</c>: every system in scope (the fleet query of <c>GET /api/fleet</c>, with its scope rules and
/// cursor), lapsed first, sortable and filtered by vendor, customer, owner and state. A page is the API's page (id
/// order); the chosen order applies within it.
/// </summary>
public sealed class FleetPage(ConsoleResponder responder, FleetQuery query)
{
    public Task<IResult> GetAsync(HttpContext http, CancellationToken cancellationToken) => responder.PageAsync(http, async (context, cancellationToken) =>
    {
        var request = http.Request;
        var v = new Validation();
        var (filter, page) = FleetRequest.Read(request, v);
        var text = new FleetQueryText(
            filter.Vendor,
            filter.Customer,
            filter.Owner is { } party ? ResponseMapping.Lower(party) : null,
            filter.State,
            Text(request, "sort") ?? FleetQueryText.DefaultSort,
            Text(request, "dir") ?? "asc",
            int.TryParse(Text(request, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null);
        if (!FleetQueryText.Sorts.Contains(text.Sort) || text.Dir is not ("asc" or "desc"))
        {
            v.Add("sort", "");
        }

        if (!v.IsValid)
        {
            return await responder.MessageAsync(StatusCodes.Status400BadRequest, "This fleet view cannot be shown", "A filter, sort or page in the address is not one this page knows. Start again from the fleet.", context.Viewer);
        }

        var found = await query.ListAsync(context.Principal, filter, page, cancellationToken);
        return ConsoleAnswer.Page(await responder.Html.RenderAsync<FleetView>(new Dictionary<string, object?>
        {
            [nameof(FleetView.Viewer)] = context.Viewer,
            [nameof(FleetView.Rows)] = Sorted(found.Items, text.Sort, text.Dir == "desc"),
            [nameof(FleetView.Totals)] = found.Totals,
            [nameof(FleetView.Query)] = text,
            [nameof(FleetView.NextCursor)] = ListQuery.Next(ApiRoutes.Fleet, found.Continuation),
        }));
    }, cancellationToken);

    /// <summary>The rows in the chosen order, ties broken by name then id so the order is stable.</summary>
    public static IReadOnlyList<FleetRow> Sorted(IEnumerable<FleetRow> rows, string sort, bool descending)
    {
        IComparer<FleetRow> comparer = Comparer<FleetRow>.Create((a, b) =>
        {
            var primary = sort switch
            {
                "lapsed" => b.Lapsed.CompareTo(a.Lapsed),
                "name" => Tiebreak(a, b),
                "vendor" => string.CompareOrdinal(a.System.Vendor, b.System.Vendor),
                "customer" => string.CompareOrdinal(a.System.Customer, b.System.Customer),
                "owner" => a.Owner.CompareTo(b.Owner),
                "monitoring" => Severity(b.Monitoring).CompareTo(Severity(a.Monitoring)),
                "heartbeat" => Nullable.Compare(a.System.Signals.LastHeartbeatAt, b.System.Signals.LastHeartbeatAt),
                "alerts" => b.OpenAlerts.Values.Sum().CompareTo(a.OpenAlerts.Values.Sum()),
                "score" => a.ContinuityScore.CompareTo(b.ContinuityScore),
                _ => 0,
            };
            return primary != 0 ? (descending ? -primary : primary) : Tiebreak(a, b);
        });
        return [.. rows.Order(comparer)];
    }

    private static int Tiebreak(FleetRow a, FleetRow b)
    {
        var byName = string.Compare(a.System.Name, b.System.Name, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : string.CompareOrdinal(a.System.Id, b.System.Id);
    }

    /// <summary>Worst first when ascending: down, late, new, up, retired.</summary>
    private static int Severity(string monitoring) => monitoring switch
    {
        FleetStates.Down => 4,
        FleetStates.Late => 3,
        FleetStates.New => 2,
        FleetStates.Up => 1,
        _ => 0,
    };

    private static string? Text(HttpRequest request, string name) =>
        request.Query[name].Count == 1 && request.Query[name].ToString() is { Length: > 0 } text ? text : null;
}
