using System.Text.Json;
using System.Text.Json.Nodes;

namespace GapMonitor.Cli.Ops;

/// <summary>
/// The fleet scorecard's <c>totals</c> cover the systems of one page (each page measures at most 50 systems); when the
/// CLI follows <c>next</c>, it counts them again over every system it read, so the totals match the items it prints.
/// </summary>
internal static class ScorecardFleetTotals
{
    public static JsonElement Recount(JsonElement document, IReadOnlyList<JsonElement> items)
    {
        var root = JsonNode.Parse(document.GetRawText())!.AsObject();
        if (root["totals"] is not JsonObject totals)
        {
            return document;
        }

        var scores = items.Select(i => i.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : (int?)null)
            .Where(s => s is not null).Select(s => s!.Value).ToList();
        totals["systemsOnPage"] = items.Count;
        totals["averageScore"] = scores.Count == 0 ? null : (int)Math.Round(scores.Average(), MidpointRounding.AwayFromZero);
        var measures = new JsonArray();
        var grouped = items
            .SelectMany(i => i.TryGetProperty("practices", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .GroupBy(m => (Practice: m.GetProperty("practice").GetString(), Measure: m.GetProperty("measure").GetString()));
        foreach (var group in grouped)
        {
            var met = group.Select(m => m.TryGetProperty("met", out var v) ? v.ValueKind : JsonValueKind.Null).ToList();
            measures.Add(new JsonObject
            {
                ["practice"] = group.Key.Practice,
                ["measure"] = group.Key.Measure,
                ["met"] = met.Count(k => k == JsonValueKind.True),
                ["missed"] = met.Count(k => k == JsonValueKind.False),
                ["noValue"] = met.Count(k => k is not (JsonValueKind.True or JsonValueKind.False)),
            });
        }

        totals["measures"] = measures;
        return JsonSerializer.SerializeToElement(root);
    }
}
