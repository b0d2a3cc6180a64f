using System.Text.Json;
using Spectre.Console;

namespace GapMonitor.Cli.Ops;

/// <summary>Alerts as a table, open ones in red.</summary>
internal static class AlertsTable
{
    public static Table Build(IEnumerable<JsonElement> alerts, string? title = null)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title(title);
        }

        // The id is what `gapmonitor ack` takes: first, and never wrapped, so it can be copied whole.
        foreach (var name in new[] { "Id", "Opened", "System", "Kind", "State" })
        {
            table.AddColumn(new TableColumn(name).NoWrap());
        }

        table.AddColumns("Acknowledged", "Summary");
        foreach (var alert in alerts)
        {
            var state = OpsText.String(alert, "state");
            var acknowledged = OpsText.Time(alert, "acknowledgedAt") is var at && at != OpsText.None
                ? $"{at} by {OpsText.String(alert, "acknowledgedBy")}"
                : OpsText.None;
            table.AddRow(
                new Text(OpsText.String(alert, "id")),
                new Text(OpsText.Time(alert, "openedAt")),
                new Text(OpsText.String(alert, "systemId")),
                new Text(OpsText.String(alert, "kind")),
                new Markup($"[{(state == "open" ? "bold red" : state == "acknowledged" ? "yellow" : "green")}]{Markup.Escape(state)}[/]"),
                new Text(acknowledged),
                new Text(OpsText.String(alert, "summary")));
        }

        return table;
    }
}
