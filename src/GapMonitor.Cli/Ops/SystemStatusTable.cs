using System.Text.Json;
using Spectre.Console;

namespace GapMonitor.Cli.Ops;

/// <summary>A system's status: what it is and who owns it, its practices, its open alerts.</summary>
internal static class SystemStatusTable
{
    public static void Render(IAnsiConsole console, JsonElement status)
    {
        var heartbeat = OpsText.Object(status, "heartbeat");
        var deployment = OpsText.Object(status, "lastDeployment");
        console.MarkupLine($"[bold]{Markup.Escape(OpsText.String(status, "systemId"))}[/] — {Markup.Escape(OpsText.String(status, "name"))}{(OpsText.Bool(status, "retired") ? " [grey](retired)[/]" : "")}");
        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("Operations owner", OpsText.String(status, "operationsOwner"));
        facts.AddRow("Handover", OpsText.Time(status, "handoverAt"));
        facts.AddRow("Vendor grace ends", OpsText.Time(status, "vendorGraceEndsAt"));
        facts.AddRow("Monitoring", heartbeat.ValueKind == JsonValueKind.Object ? OpsText.String(heartbeat, "state") : OpsText.None);
        facts.AddRow("Last heartbeat", heartbeat.ValueKind == JsonValueKind.Object && OpsText.Time(heartbeat, "lastAt") is var last && last != OpsText.None
            ? $"{last} ({OpsText.String(heartbeat, "lastStatus")})"
            : OpsText.None);
        facts.AddRow("Silent after", heartbeat.ValueKind == JsonValueKind.Object ? OpsText.Time(heartbeat, "silentAfter") : OpsText.None);
        facts.AddRow("Last deployment", deployment.ValueKind == JsonValueKind.Object ? $"{OpsText.String(deployment, "modelVersion")} at {OpsText.Time(deployment, "at")}" : OpsText.None);
        console.Write(facts);

        var practices = new Table().Border(TableBorder.Rounded).Title("Practices");
        practices.AddColumns("Practice", "State", "Detail");
        foreach (var practice in Array(status, "practices"))
        {
            var state = OpsText.FirstString(practice, "status", "state");
            practices.AddRow(
                new Text(OpsText.FirstString(practice, "practice", "name")),
                new Markup($"[{(state == "ok" ? "green" : state == "gap" ? "bold red" : "yellow")}]{Markup.Escape(state)}[/]"),
                new Text(OpsText.FirstString(practice, "evidence", "detail")));
        }

        console.Write(practices);
        var alerts = Array(status, "openAlerts");
        if (alerts.Count == 0)
        {
            console.MarkupLine("[green]No open alerts.[/]");
            return;
        }

        console.Write(AlertsTable.Build(alerts, "Open alerts"));
    }

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
}
