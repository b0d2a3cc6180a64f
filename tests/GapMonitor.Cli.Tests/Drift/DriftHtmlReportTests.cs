using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GapMonitor.Cli.Tests.Drift;

public sealed partial class DriftHtmlReportTests : IDisposable
{
    private readonly DriftCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Drift_WhenFormatHtml_WritesASelfContainedReportWithEveryColumnsChartAndTheTableValues()
    {
        var (reference, current) = WritePair();
        var path = _cli.PathOf("report.html");

        var (exit, output, error) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "html", "--output", path);

        Assert.True(exit == 0, error);
        Assert.Contains(path, output, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);

        var (_, json, _) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json");
        var columns = JsonDocument.Parse(json).RootElement.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["x", "plan", "flag"], columns.Select(c => c.GetProperty("name").GetString()));
        foreach (var column in columns)
        {
            var name = column.GetProperty("name").GetString();
            Assert.Contains($"<svg viewBox=\"0 0 400 172\" role=\"img\" aria-label=\"{name}: share of non-missing values", html, StringComparison.Ordinal);
            Assert.Contains($"<tr><td>{name}</td><td>{column.GetProperty("type").GetString()}</td><td>{column.GetProperty("method").GetString()}</td>", html, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"num\">{column.GetProperty("score").GetDouble().ToString("G4", CultureInfo.InvariantCulture)}</td>", html, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"num\">{column.GetProperty("threshold").GetDouble().ToString("G4", CultureInfo.InvariantCulture)}</td>", html, StringComparison.Ordinal);
        }

        Assert.Equal(3, Regex.Matches(html, "<svg ").Count);
        Assert.Contains("<tr><td>basic</td>", html, StringComparison.Ordinal);
        Assert.Contains("only_in_reference", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_WhenFormatHtmlWithoutOutput_ExitsWith2AndSaysWhy()
    {
        var (reference, current) = WritePair();

        var (exit, output, error) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "html");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--format html needs --output", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_WhenOutputCannotBeWritten_ExitsWith2()
    {
        var (reference, current) = WritePair();

        var (exit, _, error) = await _cli.RunAsync(
            "--reference", reference, "--current", current, "--format", "html", "--output", _cli.PathOf(Path.Combine("missing-folder", "report.html")));

        Assert.Equal(2, exit);
        Assert.Contains("Cannot write", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_WhenTheOutputIsADirectory_ExitsWith2WithOneLine_AndLeavesNoTemporaryFile()
    {
        var (reference, current) = WritePair();
        var folder = _cli.PathOf("taken");
        Directory.CreateDirectory(Path.Combine(folder, "inside"));

        var (exit, _, error) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json", "--output", folder);

        Assert.Equal(2, exit);
        Assert.StartsWith("gapmonitor drift: Cannot write", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(folder)!, "*.tmp"));
    }

    [Fact]
    public async Task Drift_WhenTheOutputExists_ReplacesItWhole_AndLeavesNoTemporaryFile()
    {
        var (reference, current) = WritePair();
        var path = _cli.Write("report.json", new string('x', 100_000));

        var (exit, _, error) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json", "--output", path);

        Assert.True(exit == 0, error);
        Assert.Equal(3, JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.GetProperty("columns").GetArrayLength());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public async Task Drift_WhenFormatJsonWithOutput_WritesTheFile()
    {
        var (reference, current) = WritePair();
        var path = _cli.PathOf("report.json");

        var (exit, _, error) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json", "--output", path);

        Assert.True(exit == 0, error);
        Assert.Equal(3, JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.GetProperty("columns").GetArrayLength());
    }

    private (string Reference, string Current) WritePair()
    {
        static string Csv(int rows, double shift, int seed, bool extra)
        {
            var random = new Random(seed);
            var text = new StringBuilder(extra ? "x,plan,flag,only_in_reference\n" : "x,plan,flag\n");
            string[] plans = ["basic", "pro", "team"];
            for (var i = 0; i < rows; i++)
            {
                var x = (random.NextDouble() * 10) + shift;
                text.Append(x.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(plans[(i + (int)shift) % 3]).Append(',').Append(i % 2);
                text.Append(extra ? ",1\n" : "\n");
            }

            return text.ToString();
        }

        return (_cli.Write("reference.csv", Csv(80, 0, 1, extra: true)), _cli.Write("current.csv", Csv(70, 4, 2, extra: false)));
    }

    [GeneratedRegex("https?:|(src|href)=\"//|url\\(", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
