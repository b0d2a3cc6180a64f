using System.Globalization;
using GapMonitor.Drift;
using Spectre.Console;

namespace GapMonitor.Cli.Drift;

/// <summary>Renders a <see cref="DriftReport"/> as a coloured table, drifted columns in red.</summary>
internal static class DriftTableRenderer
{
    public static void Render(IAnsiConsole console, DriftReport report, string referencePath, string currentPath)
    {
        console.MarkupLine(
            $"Reference [bold]{Markup.Escape(referencePath)}[/] ({report.ReferenceRows:N0} rows) · current [bold]{Markup.Escape(currentPath)}[/] ({report.CurrentRows:N0} rows)");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Column", "Type", "Method", "Score", "Threshold", "Drift", "Test p", "W normed", "PSI", "JS", "Missing");
        foreach (var column in report.Columns)
        {
            var style = column.Drifted ? "bold red" : "green";
            var s = column.Statistics;
            table.AddRow(
                new Markup($"[{style}]{Markup.Escape(column.Name)}[/]"),
                new Text(column.Type == ColumnType.Numeric ? "numeric" : "categorical"),
                new Text(DriftMethods.Name(column.Method)),
                new Markup($"[{style}]{Format(column.Score)}[/]"),
                new Text(Format(column.Threshold)),
                new Markup(column.Drifted ? "[bold red]DRIFT[/]" : "[green]ok[/]"),
                new Text(TestCell(column)),
                new Text(s.WassersteinNormed is { } w ? Format(w) : "–"),
                new Text(Format(s.Psi)),
                new Text(Format(s.JensenShannon)),
                new Text($"{column.Missing.Reference}/{column.Missing.Current}"));
        }

        console.Write(table);
        foreach (var skipped in report.Skipped)
        {
            console.MarkupLine($"[yellow]Skipped {Markup.Escape(skipped.Name)}: {Markup.Escape(skipped.Description)}[/]");
        }

        var verdict = report.DatasetDrift ? "[bold red]Dataset drift detected[/]" : "[bold green]No dataset drift[/]";
        console.MarkupLine(
            $"{verdict}: {report.DriftedColumns} of {report.Columns.Count} columns drifted ({(report.DriftShare * 100).ToString("0.#", CultureInfo.InvariantCulture)}%).");
    }

    /// <summary>
    /// The p-value of the test that judged the column, labelled by that test. For a distance method, the test the
    /// small-reference rule would have chosen: Z for at most two values, χ² for categories or few numbers, else KS.
    /// </summary>
    private static string TestCell(ColumnDrift column)
    {
        var s = column.Statistics;
        (string Label, TestResult? Result) test = column.Method switch
        {
            DriftMethod.Ks => ("KS", s.Ks),
            DriftMethod.ChiSquare => ("χ²", s.ChiSquare),
            DriftMethod.ZTest => ("Z", s.ZTest),
            _ when s.ZTest is not null => ("Z", s.ZTest),
            _ when s.ChiSquare is not null => ("χ²", s.ChiSquare),
            _ => ("KS", s.Ks),
        };
        return test.Result is { } result ? $"{test.Label} {Format(result.PValue)}" : "–";
    }

    private static string Format(double value) => TableConsole.Format(value);
}
