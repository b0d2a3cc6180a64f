using GapMonitor.Drift.Performance;
using Spectre.Console;

namespace GapMonitor.Cli.Performance;

/// <summary>Renders a <see cref="PerformanceReport"/> as a table: reference metrics and thresholds, current realized and estimated values, alerts in red.</summary>
internal static class PerformanceTableRenderer
{
    private const string None = "–";

    public static void Render(IAnsiConsole console, PerformanceReport report, string referencePath, string currentPath)
    {
        var reference = report.Reference;
        var current = report.Current;
        console.MarkupLine(
            $"[bold]{PerformanceTasks.Name(report.Task)}[/] · reference [bold]{Markup.Escape(referencePath)}[/] ({reference.Rows:N0} rows, {reference.Chunks:N0} chunks) · current [bold]{Markup.Escape(currentPath)}[/] ({current.Rows:N0} rows, {current.LabeledRows:N0} labeled)");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Metric", "Alerts", "Reference", "Lower", "Upper", "Realized", "Estimated", "Status");
        foreach (var metric in PerformanceMetrics.Of(report.Task))
        {
            var alerting = report.AlertMetrics.Contains(metric, StringComparer.Ordinal);
            var threshold = reference.Thresholds.GetValueOrDefault(metric);
            var realizedAlert = report.Alerts.Any(a => a.Metric == metric && a.Source == PerformanceAlert.Realized);
            var estimatedAlert = report.Alerts.Any(a => a.Metric == metric && a.Source == PerformanceAlert.Estimated);
            table.AddRow(
                new Markup(realizedAlert || estimatedAlert ? $"[bold red]{metric}[/]" : metric),
                new Text(alerting ? "yes" : ""),
                new Text(Value(reference.Metrics.GetValueOrDefault(metric))),
                new Text(Value(threshold?.Lower)),
                new Text(Value(threshold?.Upper)),
                Cell(current.Realized, metric, realizedAlert),
                Cell(current.Estimated, metric, estimatedAlert),
                new Markup(Status(alerting, realizedAlert, estimatedAlert)));
        }

        console.Write(table);
        if (current.Realized is null)
        {
            console.MarkupLine("[yellow]No labeled rows in the current file: realized metrics need the target column.[/]");
        }

        var summary = report.Degraded
            ? $"Performance degraded: {string.Join(", ", report.Alerts.Select(a => $"{a.Metric} ({a.Source} {TableConsole.Format(a.Value)})"))} outside the thresholds."
            : $"No performance degradation: {string.Join(", ", report.AlertMetrics)} within the thresholds.";
        console.MarkupLine($"[{(report.Degraded ? "bold red" : "bold green")}]{Markup.Escape(summary)}[/]");
    }

    private static Markup Cell(IReadOnlyDictionary<string, double?>? metrics, string metric, bool alert)
    {
        var text = metrics is null ? None : Value(metrics.GetValueOrDefault(metric));
        return new Markup(alert ? $"[bold red]{text}[/]" : text);
    }

    private static string Status(bool alerting, bool realized, bool estimated) => (realized, estimated) switch
    {
        (true, true) => "[bold red]DEGRADED, AT RISK[/]",
        (true, false) => "[bold red]DEGRADED[/]",
        (false, true) => "[bold red]AT RISK[/]",
        _ => alerting ? "[green]ok[/]" : "",
    };

    private static string Value(double? value) => value is { } v ? TableConsole.Format(v) : None;
}
