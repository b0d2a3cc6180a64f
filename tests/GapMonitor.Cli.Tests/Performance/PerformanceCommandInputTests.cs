namespace GapMonitor.Cli.Tests.Performance;

/// <summary>Bad input exits with 2 and one line on stderr saying what is wrong, never a stack trace or help text.</summary>
public sealed class PerformanceCommandInputTests : IDisposable
{
    private const string Current = "pred,proba,y\n1,0.9,1\n0,0.2,0\n";
    private readonly PerformanceCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Performance_WhenReferenceFileMissing_NamesTheFile()
    {
        var current = _cli.Write("current.csv", Current);

        var error = await RefusedAsync(PerformanceCommandTests.Binary(_cli.PathOf("nope.csv"), current));

        Assert.Contains("nope.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenReferenceHasNoTargetColumn_SaysItNeedsIt()
    {
        var reference = _cli.Write("reference.csv", "pred,proba\n1,0.8\n0,0.2\n");
        var current = _cli.Write("current.csv", Current);

        var error = await RefusedAsync(PerformanceCommandTests.Binary(reference, current));

        Assert.Contains("needs the target column in the reference", error, StringComparison.Ordinal);
        Assert.Contains("'y'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenNoTargetIsGiven_SaysTheReferenceNeedsIt()
    {
        var (reference, current) = Pair();

        var error = await RefusedAsync(
            "--reference", reference, "--current", current, "--task", "binary-classification", "--prediction", "pred", "--probability", "proba");

        Assert.Contains("needs the target column in the reference", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--prediction", "predicted", "'predicted' (--prediction)")]
    [InlineData("--probability", "score", "'score' (--probability)")]
    public async Task Performance_WhenAColumnIsMissing_NamesItAndItsOption(string option, string column, string expected)
    {
        var (reference, current) = Pair();
        var args = PerformanceCommandTests.Binary(reference, current);
        args[Array.IndexOf(args, option) + 1] = column;

        var error = await RefusedAsync(args);

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenTheCurrentFileLacksTheProbabilityColumn_NamesTheFile()
    {
        var reference = _cli.Write("reference.csv", PerformanceCommandTests.BinaryReference());
        var current = _cli.Write("current.csv", "pred,y\n1,1\n");

        var error = await RefusedAsync(PerformanceCommandTests.Binary(reference, current));

        Assert.Contains("current.csv has no column 'proba' (--probability)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenTheCurrentFileLacksAClassProbabilityColumn_NamesIt()
    {
        var reference = _cli.Write("reference.csv", "pred,p_a,p_b,y\na,0.9,0.1,a\nb,0.2,0.8,b\n");
        var current = _cli.Write("current.csv", "pred,p_a,y\na,0.9,a\n");

        var error = await RefusedAsync(Multiclass(reference, current, "--probability-prefix", "p_"));

        Assert.Contains("no column 'p_b' (--probability-prefix)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenTheReferenceHasFewerThanTwoClassProbabilityColumns_SaysSo()
    {
        var reference = _cli.Write("reference.csv", "pred,p_a,y\na,0.9,a\nb,0.2,b\n");
        var current = _cli.Write("current.csv", "pred,p_a,y\na,0.9,a\n");

        var error = await RefusedAsync(Multiclass(reference, current, "--probability-prefix", "p_"));

        Assert.Contains("'p_<class>'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2", "'2' is not a binary label")]
    [InlineData("yes", "'yes' is not a binary label")]
    public async Task Performance_WhenABinaryLabelIsNotZeroOrOne_NamesFileRowAndColumn(string label, string expected)
    {
        var reference = _cli.Write("reference.csv", PerformanceCommandTests.BinaryReference());
        var current = _cli.Write("current.csv", $"pred,proba,y\n1,0.9,1\n0,0.2,{label}\n");

        var error = await RefusedAsync(PerformanceCommandTests.Binary(reference, current));

        Assert.Contains("current.csv, data row 2, column 'y': " + expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5", "1.5 is not a probability in [0, 1]")]
    [InlineData("-0.1", "-0.1 is not a probability in [0, 1]")]
    [InlineData("high", "'high' is not a number")]
    [InlineData("", "the probability is missing")]
    public async Task Performance_WhenAProbabilityIsBad_NamesFileRowAndColumn(string probability, string expected)
    {
        var reference = _cli.Write("reference.csv", PerformanceCommandTests.BinaryReference());
        var current = _cli.Write("current.csv", $"pred,proba,y\n1,0.9,1\n0,{probability},0\n");

        var error = await RefusedAsync(PerformanceCommandTests.Binary(reference, current));

        Assert.Contains("current.csv, data row 2, column 'proba': " + expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenARegressionValueIsNotANumber_NamesFileRowAndColumn()
    {
        var reference = _cli.Write("reference.csv", "pred,y\n1,1\n2,2.5\n");
        var current = _cli.Write("current.csv", "pred,y\n1,1\nabc,2\n");

        var error = await RefusedAsync("--reference", reference, "--current", current, "--task", "regression", "--prediction", "pred", "--target", "y");

        Assert.Contains("current.csv, data row 2, column 'pred': 'abc' is not a number", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenAPredictionIsMissing_NamesFileRowAndColumn()
    {
        var reference = _cli.Write("reference.csv", PerformanceCommandTests.BinaryReference());
        var current = _cli.Write("current.csv", "pred,proba,y\n,0.9,1\n");

        var error = await RefusedAsync(PerformanceCommandTests.Binary(reference, current));

        Assert.Contains("current.csv, data row 1, column 'pred': the prediction is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenTheTaskIsUnknown_NamesIt()
    {
        var (reference, current) = Pair();
        var args = PerformanceCommandTests.Binary(reference, current);
        args[Array.IndexOf(args, "--task") + 1] = "ranking";

        var error = await RefusedAsync(args);

        Assert.Contains("ranking", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auc", "--metric auc: not a metric of binary-classification")]
    [InlineData("mae", "--metric mae: not a metric of binary-classification")]
    public async Task Performance_WhenAMetricIsUnknownOrOfAnotherTask_NamesIt(string metric, string expected)
    {
        var (reference, current) = Pair();

        var error = await RefusedAsync([.. PerformanceCommandTests.Binary(reference, current), "--metric", metric]);

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenMulticlassIsGivenAProbabilityColumn_PointsToThePrefix()
    {
        var (reference, current) = Pair();

        var error = await RefusedAsync(Multiclass(reference, current, "--probability", "proba"));

        Assert.Contains("--probability is for binary-classification", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenBinaryIsGivenAProbabilityPrefix_PointsToTheProbabilityColumn()
    {
        var (reference, current) = Pair();

        var error = await RefusedAsync(
            "--reference", reference, "--current", current, "--task", "binary-classification", "--prediction", "pred", "--target", "y", "--probability-prefix", "p_");

        Assert.Contains("--probability-prefix is for multiclass-classification", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--probability", "proba")]
    [InlineData("--probability-prefix", "p_")]
    public async Task Performance_WhenRegressionIsGivenProbabilities_SaysItHasNone(string option, string value)
    {
        var (reference, current) = Pair();

        var error = await RefusedAsync("--reference", reference, "--current", current, "--task", "regression", "--prediction", "pred", "--target", "y", option, value);

        Assert.Contains("a regression model has no probabilities", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenChunkRowsIsNotPositive_SaysSo()
    {
        var (reference, current) = Pair();
        var args = PerformanceCommandTests.Binary(reference, current);
        args[Array.IndexOf(args, "--chunk-rows") + 1] = "0";

        var error = await RefusedAsync(args);

        Assert.Contains("--chunk-rows 0", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--prediction")]
    [InlineData("--task")]
    public async Task Performance_WhenARequiredOptionIsMissing_NamesIt(string option)
    {
        var (reference, current) = Pair();
        var args = PerformanceCommandTests.Binary(reference, current).ToList();
        args.RemoveRange(args.IndexOf(option), 2);

        var error = await RefusedAsync([.. args]);

        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Performance_WhenAnOptionIsUnknown_NamesIt()
    {
        var (reference, current) = Pair();

        var error = await RefusedAsync([.. PerformanceCommandTests.Binary(reference, current), "--threshold", "roc_auc=0.8"]);

        Assert.Contains("--threshold", error, StringComparison.Ordinal);
    }

    private static string[] Multiclass(string reference, string current, params string[] more) =>
        ["--reference", reference, "--current", current, "--task", "multiclass-classification", "--prediction", "pred", "--target", "y", .. more];

    private (string Reference, string Current) Pair() =>
        (_cli.Write("reference.csv", PerformanceCommandTests.BinaryReference()), _cli.Write("current.csv", Current));

    private async Task<string> RefusedAsync(params string[] args)
    {
        var (exit, output, error) = await _cli.RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("gapmonitor performance: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        return error;
    }
}
