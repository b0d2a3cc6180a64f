using Spectre.Console;

namespace GapMonitor.Cli.Demo;

/// <summary>What happened, for a person: alerts, who was told by which channel, the mail files, the webhook log, keys and next steps.</summary>
internal static class DemoReport
{
    public static async Task ShowAsync(
        DemoApiClient api, string adminKey, DemoStory story, DemoWebhookReceiver receiver, string mailDirectory, string webhookLog, CancellationToken cancellationToken)
    {
        var alerts = (await api.GetAsync("/api/alerts", adminKey, cancellationToken)).GetProperty("items").EnumerateArray().ToList();
        AnsiConsole.WriteLine();
        var alertTable = new Table().Border(TableBorder.Rounded).Title("[bold]Alerts[/]")
            .AddColumns("System", "Kind", "State", "Owner when opened", "Told", "Summary");
        var notificationTable = new Table().Border(TableBorder.Rounded).Title("[bold]Who was told, by which channel[/]")
            .AddColumns("System", "Event", "Party", "Channel", "To", "Delivery");
        foreach (var alert in alerts.OrderBy(a => a.GetProperty("systemId").GetString(), StringComparer.Ordinal))
        {
            var state = alert.GetProperty("state").GetString()!;
            alertTable.AddRow(
                Markup.Escape(alert.GetProperty("systemId").GetString()!),
                Markup.Escape(alert.GetProperty("kind").GetString()!),
                state switch { "open" => "[red]open[/]", "acknowledged" => "[yellow]acknowledged[/]", _ => "[green]resolved[/]" },
                alert.GetProperty("ownerAtOpening").GetString()!,
                string.Join(", ", alert.GetProperty("notifiedParties").EnumerateArray().Select(p => p.GetString())),
                Markup.Escape(alert.GetProperty("summary").GetString()!));
            var detail = await api.GetAsync($"/api/alerts/{Uri.EscapeDataString(alert.GetProperty("id").GetString()!)}", adminKey, cancellationToken);
            foreach (var n in detail.GetProperty("notifications").EnumerateArray())
            {
                var delivery = n.GetProperty("state").GetString() switch
                {
                    "delivered" => $"[green]delivered[/] ({n.GetProperty("attempts").GetInt32()} attempt(s))",
                    "failed" => "[red]failed[/]",
                    _ => "[yellow]pending[/]",
                };
                notificationTable.AddRow(
                    Markup.Escape(alert.GetProperty("systemId").GetString()!),
                    n.GetProperty("type").GetString()!,
                    n.GetProperty("party").GetString()!,
                    n.GetProperty("channel").GetString()!,
                    Markup.Escape(n.GetProperty("target").GetString()!),
                    delivery);
            }
        }

        AnsiConsole.Write(alertTable);
        AnsiConsole.Write(notificationTable);

        var drift = await api.GetAsync($"/api/systems/{DemoFleet.DriftingSystem}/drift", adminKey, cancellationToken);
        foreach (var window in drift.GetProperty("items").EnumerateArray().Take(1))
        {
            var title = $"[bold]Drift window of {DemoFleet.DriftingSystem}[/] ({window.GetProperty("rows").GetInt64()} rows against the reference; dataset drift: {(window.GetProperty("datasetDrift").GetBoolean() ? "[red]yes[/]" : "[green]no[/]")})";
            var columns = new Table().Border(TableBorder.Rounded).Title(title).AddColumns("Column", "Type", "Method", "Score", "Threshold", "Drifted");
            if (window.TryGetProperty("report", out var report) && report.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var c in report.GetProperty("columns").EnumerateArray())
                {
                    columns.AddRow(
                        Markup.Escape(c.GetProperty("name").GetString()!),
                        c.GetProperty("type").GetString()!,
                        c.GetProperty("method").GetString()!,
                        c.GetProperty("score").GetDouble().ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
                        c.GetProperty("threshold").GetDouble().ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
                        c.GetProperty("drifted").GetBoolean() ? "[red]drifted[/]" : "[green]no[/]");
                }
            }

            AnsiConsole.Write(columns);
        }

        var webhooks = new Table().Border(TableBorder.Rounded).Title("[bold]Local webhook receiver (signatures verified)[/]")
            .AddColumns("Receiver", "Type", "Alert kind", "System", "Signature");
        foreach (var w in receiver.Received)
        {
            webhooks.AddRow(w.Receiver, w.Type ?? "", w.Kind ?? "", w.SystemId ?? "", w.SignatureValid ? "[green]valid[/]" : $"[red]{Markup.Escape(w.Failure ?? "invalid")}[/]");
        }

        AnsiConsole.Write(webhooks);
        var mails = Directory.Exists(mailDirectory) ? Directory.GetFiles(mailDirectory, "*.eml") : [];
        AnsiConsole.MarkupLineInterpolated($"[bold]Email[/]: {mails.Length} messages written as .eml files to [link]{mailDirectory}[/] (set GapMonitor__Email__Smtp__Host to send through SMTP).");
        AnsiConsole.MarkupLineInterpolated($"[bold]Webhook log[/]: {webhookLog}");

        var keys = new Table().Border(TableBorder.Rounded).Title("[bold]Keys to try[/]").AddColumns("Who", "Key");
        foreach (var (who, key) in story.Keys)
        {
            keys.AddRow(Markup.Escape(who), Markup.Escape(key));
        }

        foreach (var (system, key) in story.IngestKeys)
        {
            keys.AddRow(Markup.Escape($"ingest {system}"), Markup.Escape(key));
        }

        AnsiConsole.Write(keys);
        var customer = story.Keys["customer acme"];
        var ingest = story.IngestKeys["acme-churn"];
        AnsiConsole.Write(new Panel(new Text(string.Join(Environment.NewLine,
            $"curl -s http://127.0.0.1:7071/api/alerts -H 'Authorization: Bearer {customer}'",
            $"curl -s http://127.0.0.1:7071/api/systems/acme-fraud/status -H 'Authorization: Bearer {customer}'",
            $"curl -s -X POST http://127.0.0.1:7071/api/systems/acme-churn/heartbeats -H 'Authorization: Bearer {ingest}' -H 'content-type: application/json' -d '{{\"status\":\"ok\"}}'",
            $"curl -s -X POST http://127.0.0.1:7071/api/sweep -H 'Authorization: Bearer {adminKey}'",
            $"curl -s http://127.0.0.1:7071/api/systems/{DemoFleet.DriftingSystem}/drift -H 'Authorization: Bearer {customer}'",
            "curl -s http://127.0.0.1:7071/api/openapi.json")))
            .Header("[bold]Try next[/]").Border(BoxBorder.Rounded));
    }
}
