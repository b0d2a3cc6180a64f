using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace GapMonitor.Cli.Ops;

/// <summary>A scorecard as a table of its measures (missed ones in red), and the fleet's as one line per system.</summary>
internal static class ScorecardTable
{
    public static void Render(IAnsiConsole console, JsonElement scorecard)
    {
        console.MarkupLine(
            $"[bold]{Markup.Escape(OpsText.String(scorecard, "systemId"))}[/]: continuity score {Score(scorecard)} " +
            $"({Markup.Escape(OpsText.Time(scorecard, "from"))} to {Markup.Escape(OpsText.Time(scorecard, "to"))})");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Practice", "Measure", "Value", "Target", "Met", "Detail");
        foreach (var measure in Measures(scorecard))
        {
            var met = measure.TryGetProperty("met", out var m) ? m.ValueKind : JsonValueKind.Null;
            var style = met switch { JsonValueKind.True => "green", JsonValueKind.False => "bold red", _ => "grey" };
            table.AddRow(
                new Text(OpsText.String(measure, "practice")),
                new Markup($"[{style}]{Markup.Escape(OpsText.String(measure, "measure"))}[/]"),
                new Text(Value(measure, "value")),
                new Text((OpsText.String(measure, "comparison") == "at-most" ? "≤ " : "≥ ") + Value(measure, "target")),
                new Text(met switch { JsonValueKind.True => "yes", JsonValueKind.False => "NO", _ => OpsText.None }),
                new Text(OpsText.String(measure, "detail")));
        }

        console.Write(table);
    }

    public static void RenderFleet(IAnsiConsole console, OpsPages pages)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("System", "Customer", "Vendor", "Score", "Missed");
        var scores = new List<int>();
        foreach (var row in pages.Items)
        {
            var missed = Measures(row).Where(m => m.TryGetProperty("met", out var met) && met.ValueKind == JsonValueKind.False).Select(m => OpsText.String(m, "measure")).ToList();
            if (row.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var score))
            {
                scores.Add(score);
            }

            table.AddRow(
                new Markup($"[{(missed.Count > 0 ? "bold red" : "green")}]{Markup.Escape(OpsText.String(row, "systemId"))}[/]"),
                new Text(OpsText.String(row, "customer")),
                new Text(OpsText.String(row, "vendor")),
                new Text(Score(row)),
                new Text(missed.Count == 0 ? OpsText.None : string.Join(", ", missed)));
        }

        console.Write(table);
        var average = scores.Count == 0 ? OpsText.None : Math.Round(scores.Average(), MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
        console.MarkupLine($"{pages.Items.Count} system(s), average score {average} ({Markup.Escape(OpsText.Time(pages.Document, "from"))} to {Markup.Escape(OpsText.Time(pages.Document, "to"))}).");
        if (pages.Next is not null)
        {
            console.MarkupLine("[yellow]More systems than shown: raise --limit, or narrow with --vendor or --customer.[/]");
        }
    }

    private static IEnumerable<JsonElement> Measures(JsonElement scorecard) =>
        scorecard.TryGetProperty("practices", out var practices) && practices.ValueKind == JsonValueKind.Array ? practices.EnumerateArray() : [];

    private static string Score(JsonElement element) =>
        element.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Number && score.TryGetInt32(out var n) ? n.ToString(CultureInfo.InvariantCulture) : OpsText.None;

    /// <summary>A share as a percentage, hours and days with their unit, counts as they are.</summary>
    private static string Value(JsonElement measure, string name)
    {
        if (!measure.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            return OpsText.None;
        }

        return OpsText.String(measure, "unit") switch
        {
            "share" => OpsText.Percent(number),
            "hours" => number.ToString("0.##", CultureInfo.InvariantCulture) + " h",
            "days" => number.ToString("0.##", CultureInfo.InvariantCulture) + " d",
            _ => number.ToString("0.##", CultureInfo.InvariantCulture),
        };
    }
}
