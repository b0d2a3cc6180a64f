using System.Text.Json;
using Spectre.Console;

namespace GapMonitor.Cli.Ops;

/// <summary>The fleet as a table, lapsed systems in red, and the totals under it.</summary>
internal static class FleetTable
{
    public static void Render(IAnsiConsole console, OpsPages pages)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("System", "Customer", "Vendor", "Owner", "Monitoring", "Last heartbeat", "Open alerts", "Waiting since", "Last drift", "Score");
        foreach (var row in pages.Items)
        {
            var lapsed = OpsText.Bool(row, "lapsed");
            var style = lapsed ? "bold red" : "green";
            var monitoring = OpsText.Object(row, "monitoring");
            table.AddRow(
                new Markup($"[{style}]{Markup.Escape(OpsText.String(row, "systemId"))}[/]"),
                new Text(OpsText.String(row, "customer")),
                new Text(OpsText.String(row, "vendor")),
                new Text(OpsText.String(row, "owner")),
                new Text(monitoring.ValueKind == JsonValueKind.Object ? OpsText.String(monitoring, "state") : OpsText.None),
                new Text(monitoring.ValueKind == JsonValueKind.Object ? OpsText.Time(monitoring, "lastHeartbeatAt") : OpsText.None),
                new Text(OpsText.Counts(row, "openAlerts")),
                new Text(OpsText.Time(row, "oldestUnacknowledgedAt")),
                new Text(Drift(OpsText.Object(row, "lastDrift"))),
                new Text(OpsText.Object(row, "continuity") is { ValueKind: JsonValueKind.Object } c ? OpsText.Int(c, "score").ToString(System.Globalization.CultureInfo.InvariantCulture) : OpsText.None));
        }

        console.Write(table);
        var totals = OpsText.Object(pages.Document, "totals");
        if (totals.ValueKind == JsonValueKind.Object)
        {
            var byOwner = OpsText.Object(totals, "byOwner");
            var lapsed = OpsText.Int(totals, "lapsed");
            console.MarkupLine(
                $"{OpsText.Int(totals, "systems")} system(s), [{(lapsed > 0 ? "bold red" : "green")}]{lapsed} lapsed[/]; " +
                $"operations owned by the vendor: {OpsText.Int(byOwner, "vendor")}, by the customer: {OpsText.Int(byOwner, "customer")}; " +
                $"open alerts: {Markup.Escape(OpsText.Counts(totals, "openAlerts"))}.");
        }

        if (pages.Next is not null)
        {
            console.MarkupLine("[yellow]More systems than shown: raise --limit, or narrow with --vendor, --customer, --owner or --state.[/]");
        }
    }

    public static bool AnyLapsed(OpsPages pages) =>
        pages.Items.Any(r => OpsText.Bool(r, "lapsed") || OpsText.Sum(r, "openAlerts") > 0);

    private static string Drift(JsonElement drift) => drift.ValueKind != JsonValueKind.Object
        ? OpsText.None
        : $"{(OpsText.Bool(drift, "datasetDrift") ? "DRIFT" : "ok")} {OpsText.Percent(drift.TryGetProperty("driftShare", out var s) && s.TryGetDouble(out var share) ? share : 0)} ({OpsText.Time(drift, "windowEnd")})";
}
