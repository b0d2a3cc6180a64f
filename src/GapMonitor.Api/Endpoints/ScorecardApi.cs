using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Fleet;
using GapMonitor.Core.Scorecards;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary><c>GET /api/systems/{id}/scorecard</c> and <c>GET /api/fleet/scorecard</c>.</summary>
public sealed class ScorecardApi(ApiPipeline pipeline, ScorecardQuery query, TimeProvider timeProvider)
{
    /// <summary>The longest period a scorecard measures.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(400);

    /// <summary>How far in the future <c>from</c> or <c>to</c> may lie (clock skew).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public Task<IResult> SystemAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var v = new Validation();
        var (from, to) = ReadPeriod(http.Request, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var scorecard = await query.GetAsync(principal!, id, from, to, cancellationToken);
        return scorecard is null
            ? Problems.NotFound($"System '{id}'")
            : ApiResponse.Json(StatusCodes.Status200OK, new ScorecardResponse(
                scorecard.From, scorecard.To, scorecard.Score, ToResponse(scorecard.Practices), scorecard.SystemId, scorecard.Name, scorecard.Vendor, scorecard.Customer));
    }, cancellationToken);

    public Task<IResult> FleetAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var v = new Validation();
        var filter = new FleetFilter(Text(http.Request, "vendor", v), Text(http.Request, "customer", v));
        var (from, to) = ReadPeriod(http.Request, v);
        var page = ListQuery.Read(http.Request, ApiRoutes.FleetScorecard, v);
        if (page.Continuation is { } position && !SystemIds.IsValid(position))
        {
            v.Add(ListQuery.Cursor, ListQuery.CursorMessage);
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var found = await query.ListAsync(principal!, filter, page, from, to, cancellationToken);
        var totals = found.Totals;
        return ApiResponse.Json(StatusCodes.Status200OK, new FleetScorecardList(
            [.. found.Items.Select(s => new FleetScorecardSystemResponse(s.SystemId, s.Name, s.Vendor, s.Customer, s.Score, ToResponse(s.Practices)))],
            ListQuery.Next(ApiRoutes.FleetScorecard, found.Continuation),
            new FleetScorecardTotalsResponse(totals.Systems, totals.SystemsOnPage, totals.AverageScore,
                [.. totals.Measures.Select(m => new ScorecardMeasureTotalResponse(m.Practice, m.Measure, m.Met, m.Missed, m.NoValue))]),
            found.From,
            found.To));
    }, cancellationToken);

    /// <summary>
    /// <c>from</c> and <c>to</c> with their defaults (the 30 days up to now): each an ISO 8601 time at most five minutes
    /// ahead; <c>from</c> before <c>to</c>, at most 400 days apart. Null times when invalid (the validation says why).
    /// </summary>
    private (DateTimeOffset? From, DateTimeOffset? To) ReadPeriod(HttpRequest request, Validation v)
    {
        var now = timeProvider.GetUtcNow();
        var from = QueryTime.Read(request, "from", v);
        var to = QueryTime.Read(request, "to", v);
        if (from > now + FutureTolerance)
        {
            v.Add("from", "Must not lie in the future.");
            return (null, null);
        }

        if (to > now + FutureTolerance)
        {
            v.Add("to", "Must not lie in the future.");
            return (null, null);
        }

        if (!v.IsValid)
        {
            return (null, null);
        }

        var end = to ?? now;
        var start = from ?? end - ScorecardQuery.DefaultPeriod;
        if (start >= end)
        {
            v.Add("from", "Must lie before to (default: now).");
        }
        else if (end - start > MaxPeriod)
        {
            v.Add("from", $"The period may span at most {MaxPeriod.TotalDays:0} days.");
        }

        return (start, end);
    }

    private static List<ScorecardMeasureResponse> ToResponse(IEnumerable<ScorecardMeasure> measures) =>
        [.. measures.Select(m => new ScorecardMeasureResponse(m.Practice, m.Measure, m.Value, m.Target, m.Comparison, m.Unit, m.Met, m.Detail))];

    /// <summary>A query parameter given at most once; empty reads as absent.</summary>
    private static string? Text(HttpRequest request, string name, Validation v)
    {
        var values = request.Query[name];
        if (values.Count > 1 || values.ToString().Length > 200)
        {
            v.Add(name, "Give it once, at most 200 characters.");
            return null;
        }

        var text = values.ToString();
        return text.Length == 0 ? null : text;
    }
}
