using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GapMonitor.Cli.Tests.Drift;

public sealed class DriftCommandTests : IDisposable
{
    private readonly DriftCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Drift_WhenFormatJson_WritesTheApiShape()
    {
        var (reference, current) = WriteShiftedPair(shift: 0);

        var (exit, output, error) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(60, root.GetProperty("reference").GetProperty("rows").GetInt64());
        Assert.Equal(50, root.GetProperty("current").GetProperty("rows").GetInt64());
        var columns = root.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["x", "plan"], columns.Keys);
        var x = columns["x"];
        Assert.Equal("numeric", x.GetProperty("type").GetString());
        Assert.Equal("ks", x.GetProperty("method").GetString());
        Assert.Equal(x.GetProperty("score").GetDouble(), x.GetProperty("statistics").GetProperty("ks").GetProperty("pValue").GetDouble());
        Assert.Equal(0.05, x.GetProperty("threshold").GetDouble());
        foreach (var key in new[] { "ks", "wasserstein", "wassersteinNormed", "psi", "jensenShannon" })
        {
            Assert.True(x.GetProperty("statistics").TryGetProperty(key, out _), key);
        }

        var plan = columns["plan"];
        Assert.Equal("categorical", plan.GetProperty("type").GetString());
        Assert.Equal("chisquare", plan.GetProperty("method").GetString());
        foreach (var key in new[] { "chiSquare", "psi", "jensenShannon" })
        {
            Assert.True(plan.GetProperty("statistics").TryGetProperty(key, out _), key);
        }

        Assert.Equal(1, plan.GetProperty("missing").GetProperty("current").GetInt64());
        Assert.Equal(0, root.GetProperty("driftedColumns").GetInt32());
        Assert.Equal(0.0, root.GetProperty("driftShare").GetDouble());
        Assert.False(root.GetProperty("datasetDrift").GetBoolean());
        Assert.False(root.TryGetProperty("skippedColumns", out _));
    }

    [Fact]
    public async Task Drift_WhenDatasetDriftsAndFailOnDrift_ExitsWith3()
    {
        var (reference, current) = WriteShiftedPair(shift: 5);

        var (exit, output, _) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json", "--fail-on-drift");

        Assert.Equal(3, exit);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("datasetDrift").GetBoolean());
    }

    [Fact]
    public async Task Drift_WhenDatasetDriftsWithoutFailOnDrift_ExitsWith0()
    {
        var (reference, current) = WriteShiftedPair(shift: 5);

        var (exit, _, _) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json");

        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Drift_WhenFormatTable_ShowsColumnsAndHighlightsDrift()
    {
        var (reference, current) = WriteShiftedPair(shift: 5);

        var (exit, output, _) = await _cli.RunAsync("--reference", reference, "--current", current);

        Assert.Equal(0, exit);
        Assert.Contains("plan", output, StringComparison.Ordinal);
        Assert.Contains("DRIFT", output, StringComparison.Ordinal);
        Assert.Contains("Dataset drift detected", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes,no", "ztest", "Z ")]
    [InlineData("red,green,blue", "chisquare", "χ² ")]
    public async Task Drift_WhenFormatTable_LabelsTheTestPValueByTheMethodThatJudged(string categories, string method, string label)
    {
        var values = categories.Split(',');
        var reference = _cli.Write("reference.csv", "answer\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i => values[i % values.Length])) + "\n");
        var current = _cli.Write("current.csv", "answer\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i => values[i % 7 == 0 ? 1 : 0])) + "\n");

        var (_, json, _) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json");
        var column = JsonDocument.Parse(json).RootElement.GetProperty("columns")[0];
        var pValue = column.GetProperty("statistics").GetProperty(method == "ztest" ? "zTest" : "chiSquare").GetProperty("pValue").GetDouble();
        var (exit, table, _) = await _cli.RunAsync("--reference", reference, "--current", current);

        Assert.Equal(0, exit);
        Assert.Equal(method, column.GetProperty("method").GetString());
        var row = table.Split('\n').Single(line => line.Contains("answer", StringComparison.Ordinal));
        Assert.Contains(label + (pValue == 0 ? "0" : pValue < 1e-4 ? pValue.ToString("0.##E+0", CultureInfo.InvariantCulture) : pValue.ToString("0.####", CultureInfo.InvariantCulture)), row, StringComparison.Ordinal);
        var otherLabels = new[] { "KS ", "χ² ", "Z " }.Where(l => l != label);
        Assert.All(otherLabels, other => Assert.DoesNotContain(other, row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drift_WhenReferenceFileMissing_ExitsWith2AndNamesTheFile()
    {
        var current = _cli.Write("current.csv", "x\n1\n");

        var (exit, output, error) = await _cli.RunAsync("--reference", _cli.PathOf("nope.csv"), "--current", current);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("nope.csv", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_WhenReferenceIsADirectory_ExitsWith2()
    {
        var current = _cli.Write("current.csv", "x\n1\n");

        var (exit, _, error) = await _cli.RunAsync("--reference", Path.GetDirectoryName(current)!, "--current", current);

        Assert.Equal(2, exit);
        Assert.Contains("is a directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_WhenRowIsRagged_ExitsWith2AndNamesTheLine()
    {
        var reference = _cli.Write("reference.csv", "a,b\n1,2\n3,4\n");
        var current = _cli.Write("current.csv", "a,b\n1,2\n3\n");

        var (exit, _, error) = await _cli.RunAsync("--reference", reference, "--current", current);

        Assert.Equal(2, exit);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.Contains("ragged", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a,b\n", "no data rows")]
    public async Task Drift_WhenInputIsEmpty_ExitsWith2(string content, string message)
    {
        var reference = _cli.Write("reference.csv", content);
        var current = _cli.Write("current.csv", "a,b\n1,2\n");

        var (exit, _, error) = await _cli.RunAsync("--reference", reference, "--current", current);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--method", "x=median", "unknown method")]
    [InlineData("--method", "missing=ks", "No column named 'missing'")]
    [InlineData("--method", "plan=ks", "categorical")]
    [InlineData("--threshold", "x=abc", "expected a number")]
    [InlineData("--threshold", "x", "COLUMN=VALUE")]
    public async Task Drift_WhenOverrideIsInvalid_ExitsWith2WithAMessage(string option, string value, string message)
    {
        var (reference, current) = WriteShiftedPair(shift: 0);

        var (exit, _, error) = await _cli.RunAsync("--reference", reference, "--current", current, option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_WhenMethodAndThresholdOverridden_UsesThem()
    {
        var (reference, current) = WriteShiftedPair(shift: 0);

        var (exit, output, _) = await _cli.RunAsync(
            "--reference", reference, "--current", current, "--format", "json", "--method", "x=psi", "--threshold", "x=0.001");

        Assert.Equal(0, exit);
        var x = JsonDocument.Parse(output).RootElement.GetProperty("columns")[0];
        Assert.Equal("psi", x.GetProperty("method").GetString());
        Assert.Equal(0.001, x.GetProperty("threshold").GetDouble());
        Assert.Equal(x.GetProperty("statistics").GetProperty("psi").GetDouble(), x.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Drift_WhenCellsAreQuotedOrMissing_ParsesThemAsRfc4180()
    {
        var reference = _cli.Write("reference.csv", "n,label\n1.5,\"a, b\"\nNA,\"say \"\"hi\"\"\"\n2.5,\"two\nlines\"\n,plain\n");
        var current = _cli.Write("current.csv", "n,label\n1.5,\"a, b\"\nnan,plain\n3,plain\n-inf,\n");

        var (exit, output, error) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json");

        Assert.True(exit == 0, error);
        var columns = JsonDocument.Parse(output).RootElement.GetProperty("columns");
        var n = columns[0];
        Assert.Equal("numeric", n.GetProperty("type").GetString());
        Assert.Equal(2, n.GetProperty("missing").GetProperty("reference").GetInt64());
        Assert.Equal(2, n.GetProperty("missing").GetProperty("current").GetInt64());
        var label = columns[1];
        Assert.Equal("categorical", label.GetProperty("type").GetString());
        Assert.Equal(0, label.GetProperty("missing").GetProperty("reference").GetInt64());
        Assert.Equal(1, label.GetProperty("missing").GetProperty("current").GetInt64());
    }

    [Fact]
    public async Task Drift_WhenColumnsDifferOrAreAllMissing_ReportsThemAsSkipped()
    {
        var reference = _cli.Write("reference.csv", "a,gone,empty\n1,1,\n2,2,\n3,3,\n");
        var current = _cli.Write("current.csv", "a,new,empty\n1,1,\n2,2,\n4,3,\n");

        var (exit, output, _) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json");

        Assert.Equal(0, exit);
        var skipped = JsonDocument.Parse(output).RootElement.GetProperty("skippedColumns").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("reason").GetString()!);
        Assert.Equal(3, skipped.Count);
        Assert.Contains("missing", skipped["empty"], StringComparison.Ordinal);
        Assert.Contains("reference only", skipped["gone"], StringComparison.Ordinal);
        Assert.Contains("current data only", skipped["new"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_WhenCurrentHasUnseenCategory_WritesInfiniteChiSquareAsString()
    {
        var reference = _cli.Write("reference.csv", "c\na\nb\na\nb\n");
        var current = _cli.Write("current.csv", "c\na\nb\nz\nz\n");

        var (_, output, _) = await _cli.RunAsync("--reference", reference, "--current", current, "--format", "json");

        var chi = JsonDocument.Parse(output).RootElement.GetProperty("columns")[0].GetProperty("statistics").GetProperty("chiSquare");
        Assert.Equal("Infinity", chi.GetProperty("statistic").GetString());
        Assert.Equal(0.0, chi.GetProperty("pValue").GetDouble());
    }

    private (string Reference, string Current) WriteShiftedPair(double shift)
    {
        static string Csv(int rows, double shift, int seed, bool blankPlan)
        {
            var random = new Random(seed);
            var text = new StringBuilder("x,plan\n");
            string[] plans = ["basic", "pro", "team"];
            for (var i = 0; i < rows; i++)
            {
                var x = (i * 0.1) + shift + random.NextDouble();
                var plan = blankPlan && i == 0 ? string.Empty : plans[i % 3];
                text.Append(x.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(plan).Append('\n');
            }

            return text.ToString();
        }

        return (_cli.Write("reference.csv", Csv(60, 0, 1, blankPlan: false)), _cli.Write("current.csv", Csv(50, shift, 2, blankPlan: true)));
    }
}
