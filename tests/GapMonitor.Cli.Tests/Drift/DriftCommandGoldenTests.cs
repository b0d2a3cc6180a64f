using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GapMonitor.Cli.Tests.Drift;

/// <summary>End to end: each golden column (scipy 1.10 values) written as a pair of CSV files and run through the command.</summary>
public sealed class DriftCommandGoldenTests : IDisposable
{
    private static readonly Lazy<JsonElement> Columns = new(() => JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "drift_golden.json"))).RootElement.GetProperty("columns"));

    private readonly DriftCli _cli = new();

    public static TheoryData<string> Cases() => new(Columns.Value.EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    public void Dispose() => _cli.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Drift_WhenRunOnGoldenColumn_ReportsScipyValues(string name)
    {
        var golden = Columns.Value.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var expected = golden.GetProperty("expected");
        var args = new List<string>
        {
            "--reference", _cli.Write("reference.csv", Csv(golden.GetProperty("reference"))),
            "--current", _cli.Write("current.csv", Csv(golden.GetProperty("current"))),
            "--format", "json",
        };
        if (golden.GetProperty("method").GetString() is { } method)
        {
            args.AddRange(["--method", $"x={method}"]);
        }

        if (golden.GetProperty("threshold").ValueKind == JsonValueKind.Number)
        {
            args.AddRange(["--threshold", $"x={golden.GetProperty("threshold").GetDouble().ToString("R", CultureInfo.InvariantCulture)}"]);
        }

        var (exit, output, error) = await _cli.RunAsync([.. args]);

        Assert.True(exit == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        if (expected.GetProperty("skipped").GetBoolean())
        {
            Assert.Empty(report.GetProperty("columns").EnumerateArray());
            Assert.Equal("x", report.GetProperty("skippedColumns")[0].GetProperty("name").GetString());
            return;
        }

        var column = report.GetProperty("columns")[0];
        Assert.Equal(expected.GetProperty("method").GetString(), column.GetProperty("method").GetString());
        Assert.Equal(expected.GetProperty("drifted").GetBoolean(), column.GetProperty("drifted").GetBoolean());
        AssertClose(expected.GetProperty("score"), column.GetProperty("score"), 1e-6);
        Assert.Equal(expected.GetProperty("missing").GetRawText().Replace(" ", "", StringComparison.Ordinal), Compact(column.GetProperty("missing")));
        foreach (var statistic in expected.GetProperty("statistics").EnumerateObject())
        {
            var actual = column.GetProperty("statistics").GetProperty(statistic.Name);
            if (statistic.Value.ValueKind == JsonValueKind.Object)
            {
                AssertClose(statistic.Value.GetProperty("statistic"), actual.GetProperty("statistic"), 1e-9);
                AssertClose(statistic.Value.GetProperty("pValue"), actual.GetProperty("pValue"), 1e-6);
            }
            else
            {
                AssertClose(statistic.Value, actual, 1e-9);
            }
        }
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    private static void AssertClose(JsonElement expected, JsonElement actual, double tolerance)
    {
        var e = Number(expected);
        var a = Number(actual);
        Assert.True(e == a || Math.Abs(e - a) <= tolerance * Math.Max(Math.Abs(e), Math.Abs(a)), $"expected {e:R}, got {a:R}");
    }

    private static double Number(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? double.Parse(element.GetString()!, CultureInfo.InvariantCulture)
        : element.GetDouble();

    private static string Csv(JsonElement values)
    {
        var text = new StringBuilder("x\n");
        foreach (var value in values.EnumerateArray())
        {
            text.Append(value.ValueKind switch
            {
                JsonValueKind.Null => "\"\"",
                JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                _ => value.GetString() switch
                {
                    "NaN" => "NaN",
                    "Infinity" => "inf",
                    "-Infinity" => "-inf",
                    var s => s,
                },
            }).Append('\n');
        }

        return text.ToString();
    }
}
