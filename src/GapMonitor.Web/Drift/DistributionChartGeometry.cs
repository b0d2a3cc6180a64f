using System.Globalization;
using System.Net;
using System.Text;
using GapMonitor.Drift;
using GapMonitor.Drift.Distributions;

namespace GapMonitor.Web.Drift;

/// <summary>
/// The shapes of one reference-vs-current bar chart in a fixed view box: each side's bars as one compact path,
/// the share axis ticks and a few bin labels. Kept out of the component so the markup stays small and testable.
/// </summary>
public sealed class DistributionChartGeometry
{
    /// <summary>View box width.</summary>
    public const double Width = 400;

    /// <summary>View box height.</summary>
    public const double Height = 172;

    /// <summary>Left edge of the plot (room for the share labels).</summary>
    public const double Left = 44;

    /// <summary>Right edge of the plot.</summary>
    public const double Right = 392;

    /// <summary>Top of the plot.</summary>
    public const double Top = 8;

    /// <summary>The baseline (zero share).</summary>
    public const double Bottom = 146;

    private const int MaxCategoryLabels = 8;

    private DistributionChartGeometry(string referencePath, string currentPath, double barWidth, IReadOnlyList<ChartLabel> yLabels, IReadOnlyList<ChartLabel> xLabels)
    {
        BarWidth = DriftFormat.Coordinate(barWidth);
        ReferencePath = referencePath;
        CurrentPath = currentPath;
        YLabels = yLabels;
        XLabels = xLabels;
    }

    /// <summary>The width of one bar: the stroke width of the bar paths.</summary>
    public string BarWidth { get; }

    /// <summary>The reference bars (left of each pair), as vertical strokes.</summary>
    public string ReferencePath { get; }

    /// <summary>The current bars (right of each pair).</summary>
    public string CurrentPath { get; }

    /// <summary>Share ticks on the left axis.</summary>
    public IReadOnlyList<ChartLabel> YLabels { get; }

    /// <summary>Bin edges (numbers) or categories under the bars.</summary>
    public IReadOnlyList<ChartLabel> XLabels { get; }

    /// <summary>
    /// The labels as SVG <c>text</c> elements, text HTML-encoded (Razor reserves the <c>text</c> tag, so the
    /// component cannot write it itself).
    /// </summary>
    public string LabelsMarkup
    {
        get
        {
            var markup = new StringBuilder();
            foreach (var label in YLabels.Concat(XLabels))
            {
                markup.Append("<text x=\"").Append(DriftFormat.Coordinate(label.X)).Append("\" y=\"").Append(DriftFormat.Coordinate(label.Y))
                    .Append("\" text-anchor=\"").Append(label.Anchor).Append("\">").Append(WebUtility.HtmlEncode(label.Text)).Append("</text>");
            }

            return markup.ToString();
        }
    }

    /// <summary>The axes as a path.</summary>
    public static string AxisPath => string.Create(CultureInfo.InvariantCulture, $"M{Left} {Top}V{Bottom}H{Right}");

    /// <summary>Lays out <paramref name="distribution"/>'s bars.</summary>
    public static DistributionChartGeometry For(ColumnDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var bins = distribution.Bins;
        var n = Math.Max(bins.Count, 1);
        var slot = (Right - Left) / n;
        var bar = Math.Round(slot * 0.4, 1);
        var max = bins.Count == 0 ? 0 : bins.Max(b => Math.Max(b.Reference, b.Current));
        var top = Math.Max(0.05, Math.Ceiling(max * 20) / 20);
        var reference = new StringBuilder();
        var current = new StringBuilder();
        for (var i = 0; i < bins.Count; i++)
        {
            var x = Left + (i * slot) + (slot * 0.1);
            Bar(reference, x, bar, bins[i].Reference / top);
            Bar(current, x + bar, bar, bins[i].Current / top);
        }

        var yLabels = new[] { 0.0, 0.5, 1.0 }.Select(f => new ChartLabel(Left - 4, Bottom - (f * (Bottom - Top)) + 4, DriftFormat.Percent(f * top), "end")).ToList();
        return new DistributionChartGeometry(reference.ToString(), current.ToString(), bar, yLabels, XLabelsFor(distribution, slot));
    }

    /// <summary>A bar as a vertical stroke of the bar's width (half the bytes of a filled rectangle).</summary>
    private static void Bar(StringBuilder path, double x, double width, double fraction)
    {
        var height = Math.Min(1, fraction) * (Bottom - Top);
        if (height <= 0)
        {
            return;
        }

        var top = Bottom - Math.Max(1, Math.Round(height));
        path.Append('M').Append(DriftFormat.Coordinate(x + (width / 2))).Append(' ').Append(DriftFormat.Coordinate(Bottom))
            .Append('V').Append(DriftFormat.Coordinate(top));
    }

    private static List<ChartLabel> XLabelsFor(ColumnDistribution distribution, double slot)
    {
        var bins = distribution.Bins;
        var y = Bottom + 15;
        if (bins.Count == 0)
        {
            return [];
        }

        if (distribution.Type == ColumnType.Numeric && bins.Count > 1 && bins[0].Lower is { } first && bins[^1].Upper is { } last)
        {
            var middle = bins.Count / 2;
            return
            [
                new ChartLabel(Left, y, Edge(first), "start"),
                new ChartLabel(Left + (middle * slot), y, Edge(bins[middle].Lower ?? 0), "middle"),
                new ChartLabel(Right, y, Edge(last), "end"),
            ];
        }

        var step = (int)Math.Ceiling(bins.Count / (double)MaxCategoryLabels);
        var chars = Math.Max(3, (int)(slot * step / 6.5));
        var labels = new List<ChartLabel>();
        for (var i = 0; i < bins.Count; i += step)
        {
            var text = DriftFormat.Category(bins[i].Label);
            labels.Add(new ChartLabel(Left + ((i + 0.5) * slot), y, text.Length <= chars ? text : string.Concat(text.AsSpan(0, chars - 1), "…"), "middle"));
        }

        return labels;
    }

    private static string Edge(double value) => (value + 0.0).ToString("G4", CultureInfo.InvariantCulture);
}
