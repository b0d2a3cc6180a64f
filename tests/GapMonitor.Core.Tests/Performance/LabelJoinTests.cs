using GapMonitor.Core.Performance;

namespace GapMonitor.Core.Tests.Performance;

public class LabelJoinTests
{
    [Fact]
    public void Apply_SetsTheTargetOfEveryKeptRowWithTheId_AndReportsTheIdsItMatched()
    {
        var predictions = Predictions(("a", null), ("b", null), ("a", null), (null, null));
        var matched = new HashSet<string>();

        var (matches, changed) = LabelJoin.Apply(predictions, Targets(("a", "1"), ("zz", "0")), matched);

        Assert.Equal((2, true), (matches, changed));
        Assert.Equal(["a"], matched);
        Assert.Equal(["1", null, "1", null], predictions.Kept.Select(r => r.Target));
    }

    [Fact]
    public void Apply_ALaterLabelReplacesTheTarget_AndTheSameLabelAgainChangesNothing()
    {
        var predictions = Predictions(("a", "0"));

        var replaced = LabelJoin.Apply(predictions, Targets(("a", "1")), new HashSet<string>());
        var again = LabelJoin.Apply(predictions, Targets(("a", "1")), new HashSet<string>());

        Assert.Equal((1, true), replaced);
        Assert.Equal((1, false), again);
        Assert.Equal("1", Assert.Single(predictions.Kept).Target);
    }

    private static WindowPredictions Predictions(params (string? Id, string? Target)[] rows)
    {
        var predictions = new WindowPredictions { Rows = rows.Length };
        predictions.Kept.AddRange(rows.Select(r => new PredictionRecord(r.Id, "1", [0.5], r.Target)));
        return predictions;
    }

    private static Dictionary<string, string> Targets(params (string Id, string Target)[] labels) => labels.ToDictionary(l => l.Id, l => l.Target);
}
