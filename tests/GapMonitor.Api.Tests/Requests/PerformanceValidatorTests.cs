using System.Text.Json;
using GapMonitor.Api.Contracts;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Api.Tests.Requests;

public sealed class PerformanceValidatorTests
{
    private static readonly string LongName = new('c', 257);

    [Fact]
    public void Build_WithOnlyTaskAndColumns_FillsTheDefaults()
    {
        var (settings, errors) = Build("""{"task":"binary-classification","prediction":"churn_pred","probability":"churn_proba","target":"churned"}""");

        Assert.Empty(errors);
        Assert.NotNull(settings);
        Assert.Equal(PerformanceTask.BinaryClassification, settings.Task);
        Assert.Equal(("churn_pred", "churn_proba", "churned"), (settings.Prediction, settings.Probability, settings.Target));
        Assert.Null(settings.ProbabilityPrefix);
        Assert.Equal("correlationid", settings.CorrelationId);
        Assert.Empty(settings.Metrics);
        Assert.Equal(["roc_auc"], settings.AlertMetrics);
        Assert.Equal(500, settings.ChunkRows);
        Assert.Empty(settings.Thresholds);
        Assert.Equal(TimeSpan.FromDays(30), settings.LabelWait);
    }

    [Fact]
    public void Build_WithEveryField_KeepsThem()
    {
        var (settings, errors) = Build("""
            {"task":"multiclass-classification","prediction":"plan","probabilityPrefix":"proba_","target":"true_plan","correlationId":"request_id",
             "metrics":["f1","accuracy"],"chunkRows":10,"thresholds":{"accuracy":{"lower":0.8},"f1":{"lower":0.5,"upper":1}},"labelWait":"P365D"}
            """);

        Assert.Empty(errors);
        Assert.NotNull(settings);
        Assert.Equal(PerformanceTask.MulticlassClassification, settings.Task);
        Assert.Equal(("proba_", "request_id"), (settings.ProbabilityPrefix, settings.CorrelationId));
        Assert.Equal(["f1", "accuracy"], settings.Metrics);
        Assert.Equal(10, settings.ChunkRows);
        Assert.Equal([new PerformanceThreshold("accuracy", 0.8, null), new PerformanceThreshold("f1", 0.5, 1)], settings.Thresholds);
        Assert.Equal(TimeSpan.FromDays(365), settings.LabelWait);
    }

    [Fact]
    public void Build_RegressionThresholds_MayLieAnywhereInTheirMetricsRange()
    {
        var (settings, errors) = Build("""{"task":"regression","prediction":"price","thresholds":{"mae":{"upper":250000},"r2":{"lower":-3,"upper":1}},"chunkRows":1000000,"labelWait":"P1D"}""");

        Assert.Empty(errors);
        Assert.Equal(2, settings!.Thresholds.Count);
    }

    [Theory]
    [InlineData("""{"prediction":"p"}""", "performance.task")]
    [InlineData("""{"task":"ranking","prediction":"p"}""", "performance.task")]
    [InlineData("""{"task":"Binary-Classification","prediction":"p"}""", "performance.task")]
    [InlineData("""{"task":"regression"}""", "performance.prediction")]
    [InlineData("""{"task":"regression","prediction":""}""", "performance.prediction")]
    [InlineData("""{"task":"regression","prediction":"LONG"}""", "performance.prediction")]
    [InlineData("""{"task":"regression","prediction":"p","target":"LONG"}""", "performance.target")]
    [InlineData("""{"task":"regression","prediction":"p","correlationId":""}""", "performance.correlationId")]
    [InlineData("""{"task":"binary-classification","prediction":"p","probabilityPrefix":"proba_"}""", "performance.probabilityPrefix")]
    [InlineData("""{"task":"binary-classification","prediction":"p","probability":"LONG"}""", "performance.probability")]
    [InlineData("""{"task":"multiclass-classification","prediction":"p","probability":"proba"}""", "performance.probability")]
    [InlineData("""{"task":"multiclass-classification","prediction":"p","probabilityPrefix":"LONG"}""", "performance.probabilityPrefix")]
    [InlineData("""{"task":"multiclass-classification","prediction":"proba_class","probabilityPrefix":"proba_"}""", "performance.prediction")]
    [InlineData("""{"task":"multiclass-classification","prediction":"p","probabilityPrefix":"p_","target":"p_true"}""", "performance.target")]
    [InlineData("""{"task":"regression","prediction":"p","probability":"proba"}""", "performance.probability")]
    [InlineData("""{"task":"regression","prediction":"p","probabilityPrefix":"proba_"}""", "performance.probabilityPrefix")]
    [InlineData("""{"task":"binary-classification","prediction":"p","metrics":["roc_auc","mae"]}""", "performance.metrics[1]")]
    [InlineData("""{"task":"binary-classification","prediction":"p","metrics":["auc"]}""", "performance.metrics[0]")]
    [InlineData("""{"task":"multiclass-classification","prediction":"p","metrics":["f1","f1"]}""", "performance.metrics[1]")]
    [InlineData("""{"task":"multiclass-classification","prediction":"p","metrics":["roc_auc"]}""", "performance.metrics[0]")]
    [InlineData("""{"task":"regression","prediction":"p","chunkRows":9}""", "performance.chunkRows")]
    [InlineData("""{"task":"regression","prediction":"p","chunkRows":1000001}""", "performance.chunkRows")]
    [InlineData("""{"task":"binary-classification","prediction":"p","thresholds":{"mae":{"upper":1}}}""", "performance.thresholds.mae")]
    [InlineData("""{"task":"binary-classification","prediction":"p","thresholds":{"roc_auc":{}}}""", "performance.thresholds.roc_auc")]
    [InlineData("""{"task":"binary-classification","prediction":"p","thresholds":{"roc_auc":null}}""", "performance.thresholds.roc_auc")]
    [InlineData("""{"task":"binary-classification","prediction":"p","thresholds":{"roc_auc":{"lower":0.9,"upper":0.8}}}""", "performance.thresholds.roc_auc.lower")]
    [InlineData("""{"task":"binary-classification","prediction":"p","thresholds":{"roc_auc":{"lower":1.5}}}""", "performance.thresholds.roc_auc.lower")]
    [InlineData("""{"task":"binary-classification","prediction":"p","thresholds":{"f1":{"upper":-0.1}}}""", "performance.thresholds.f1.upper")]
    [InlineData("""{"task":"regression","prediction":"p","thresholds":{"mae":{"lower":-1}}}""", "performance.thresholds.mae.lower")]
    [InlineData("""{"task":"regression","prediction":"p","thresholds":{"r2":{"upper":1.01}}}""", "performance.thresholds.r2.upper")]
    [InlineData("""{"task":"regression","prediction":"p","labelWait":"PT23H"}""", "performance.labelWait")]
    [InlineData("""{"task":"regression","prediction":"p","labelWait":"P366D"}""", "performance.labelWait")]
    [InlineData("""{"task":"regression","prediction":"p","labelWait":"30 days"}""", "performance.labelWait")]
    public void Build_WhenAFieldIsBad_NamesIt(string json, string field)
    {
        var (settings, errors) = Build(json.Replace("LONG", LongName, StringComparison.Ordinal));

        Assert.Null(settings);
        Assert.Equal([field], errors);
    }

    [Theory]
    [InlineData(double.NaN, "lower")]
    [InlineData(double.PositiveInfinity, "upper")]
    [InlineData(double.NegativeInfinity, "lower")]
    public void Build_WhenAThresholdIsNotFinite_NamesTheSide(double value, string side)
    {
        var threshold = side == "lower" ? new PerformanceThresholdRequest(value, null) : new PerformanceThresholdRequest(null, value);
        var request = new PerformanceRequest("regression", "p", Thresholds: new Dictionary<string, PerformanceThresholdRequest?> { ["mae"] = threshold });
        var v = new Validation();

        PerformanceValidator.Build(v, request);

        Assert.Equal([$"performance.thresholds.mae.{side}"], Errors(v));
    }

    private static (PerformanceSettings? Settings, IReadOnlyList<string> Errors) Build(string json)
    {
        var request = JsonSerializer.Deserialize<PerformanceRequest>(json, ApiJson.Options)!;
        var v = new Validation();
        var settings = PerformanceValidator.Build(v, request);
        return (v.IsValid ? settings : null, Errors(v));
    }

    private static List<string> Errors(Validation v) => v.IsValid
        ? []
        : [.. JsonDocument.Parse(v.ToProblem().Body!).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
}
