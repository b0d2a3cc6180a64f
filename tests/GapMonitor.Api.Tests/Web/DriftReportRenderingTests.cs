using System.Text.RegularExpressions;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift;
using GapMonitor.Drift.Distributions;
using GapMonitor.Web.Drift;
using GapMonitor.Web.Rendering;

namespace GapMonitor.Api.Tests.Web;

public sealed partial class DriftReportRenderingTests
{
    [Fact]
    public async Task The_document_is_self_contained_and_has_every_columns_chart_and_verdict()
    {
        var (report, distributions) = Sample(columns: 6);
        var html = await RenderDocumentAsync(DriftReportView.FromReport(report, distributions));

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("figure.chart{", html, StringComparison.Ordinal);
        foreach (var column in report.Columns)
        {
            Assert.Contains($"aria-label=\"{column.Name}: share of non-missing values", html, StringComparison.Ordinal);
            Assert.Contains($"<td>{column.Name}</td>", html, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"num\">{DriftFormat.Score(column.Score)}</td>", html, StringComparison.Ordinal);
        }

        Assert.Equal(report.Columns.Count, Regex.Matches(html, "<svg ").Count);
        Assert.Equal(report.Columns.Count, Regex.Matches(html, "role=\"img\"").Count);
    }

    [Fact]
    public async Task The_hidden_table_gives_every_bars_shares()
    {
        ColumnData[] reference = [new CategoricalColumnData("plan", ["basic", "basic", "basic", "pro"])];
        ColumnData[] current = [new CategoricalColumnData("plan", ["pro", "pro", "basic", ""])];
        var distributions = DistributionCalculator.Compare(reference, current, DistributionCalculator.DefaultBars);
        var html = await RenderDocumentAsync(DriftReportView.FromReport(DriftCalculator.Compare(reference, current), distributions));

        Assert.Contains("<tr><td>basic</td><td>75%</td><td>25%</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>pro</td><td>25%</td><td>50%</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>(empty)</td><td>0%</td><td>25%</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifty_column_report_stays_well_under_200_KB()
    {
        var (report, distributions) = Sample(columns: 50);
        var html = await RenderDocumentAsync(DriftReportView.FromReport(report, distributions));

        Assert.Equal(50, Regex.Matches(html, "<svg ").Count);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(html);
        Assert.True(bytes < 130_000, $"{bytes} bytes");
    }

    [Fact]
    public async Task A_stored_window_shows_its_report_json_and_distributions()
    {
        var (report, distributions) = Sample(columns: 3);
        var start = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        var record = new DriftWindowRecord(
            "sys-1", start, start.AddHours(1), report.CurrentRows, "v1", report.DatasetDrift,
            report.Columns.Where(c => c.Drifted).Select(c => c.Name).ToList(), report.DriftShare, DriftJsonWriter.Write(report),
            [], new Dictionary<string, long>(), null, null, distributions);

        var view = DriftReportView.FromWindow(record);

        Assert.Equal(report.ReferenceRows, view.ReferenceRows);
        Assert.Equal(report.CurrentRows, view.CurrentRows);
        Assert.Equal(report.Columns.Select(c => (c.Name, DriftMethods.Name(c.Method), c.Score, c.Threshold, c.Drifted)), view.Columns.Select(c => (c.Column, c.Method, c.Score, c.Threshold, c.Drifted)));
        Assert.Equal(["only-ref"], view.Skipped.Select(s => s.Column));
        Assert.Same(distributions, view.Distributions);
        var html = await ComponentHtml.Standalone().RenderAsync<DriftReportSection>(new Dictionary<string, object?> { ["View"] = view, ["HeadingLevel"] = 3 });
        Assert.Contains("2026-11-30 10:00 UTC – 2026-11-30 11:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Columns</h3>", html, StringComparison.Ordinal);
        Assert.Contains("present in the reference only", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_without_report_json_still_has_a_summary()
    {
        var start = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        var record = new DriftWindowRecord("sys-1", start, start.AddHours(1), 0, null, false, [], 0, null, [], new Dictionary<string, long>(), "no rows");

        var view = DriftReportView.FromWindow(record);

        Assert.Null(view.ReferenceRows);
        Assert.Empty(view.Columns);
        Assert.Empty(view.Distributions);
    }

    internal static (DriftReport Report, IReadOnlyList<ColumnDistribution> Distributions) Sample(int columns)
    {
        var random = new Random(7);
        var reference = new List<ColumnData>();
        var current = new List<ColumnData>();
        string[] plans = ["basic", "pro", "team", "enterprise", "trial", "legacy", "partner"];
        for (var i = 0; i < columns; i++)
        {
            if (i % 3 == 2)
            {
                reference.Add(new CategoricalColumnData($"cat_{i}", Enumerable.Range(0, 500).Select(_ => plans[random.Next(plans.Length)]).ToArray()));
                current.Add(new CategoricalColumnData($"cat_{i}", Enumerable.Range(0, 400).Select(_ => plans[random.Next(i % 2 == 0 ? 3 : plans.Length)]).ToArray()));
            }
            else
            {
                reference.Add(new NumericColumnData($"num_{i}", Enumerable.Range(0, 500).Select(_ => random.NextDouble() * 100).ToArray()));
                current.Add(new NumericColumnData($"num_{i}", Enumerable.Range(0, 400).Select(_ => (random.NextDouble() * 100) + (i % 2 * 20)).ToArray()));
            }
        }

        reference.Add(new NumericColumnData("only-ref", [1, 2, 3]));
        return (DriftCalculator.Compare(reference, current), DistributionCalculator.Compare(reference, current, DistributionCalculator.DefaultBars));
    }

    private static Task<string> RenderDocumentAsync(DriftReportView view) =>
        ComponentHtml.Standalone().RenderAsync<DriftReportDocument>(new Dictionary<string, object?>
        {
            ["View"] = view,
            ["GeneratedAt"] = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero),
        });

    [GeneratedRegex("https?:|(src|href)=\"//|url\\(", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
