using GapMonitor.Core.Performance;
using GapMonitor.Testing;

namespace GapMonitor.Core.Tests.Performance;

public class WindowPredictionsTests
{
    private const int Rows = WindowPredictions.MaxKept * 3;
    private static readonly DateTimeOffset Start = SystemBuilder.Epoch;

    [Fact]
    public void Add_CountsEveryRow_AndKeepsAtMostMaxKept()
    {
        var predictions = Fill(WindowPredictions.For("sys-1", Start), Rows);

        Assert.Equal(Rows, predictions.Rows);
        Assert.Equal(WindowPredictions.MaxKept, predictions.Kept.Count);
        Assert.Equal(WindowPredictions.MaxKept, predictions.Kept.Select(r => r.CorrelationId).Distinct().Count());
    }

    [Fact]
    public void Add_TheSameRowsInTheSameWindow_KeepTheSameSample_AnotherWindowAnother()
    {
        var first = Fill(WindowPredictions.For("sys-1", Start), Rows);
        var replay = Fill(WindowPredictions.For("sys-1", Start), Rows);
        var nextWindow = Fill(WindowPredictions.For("sys-1", Start.AddHours(1)), Rows);

        Assert.Equal(first.Kept.Select(r => r.CorrelationId), replay.Kept.Select(r => r.CorrelationId));
        Assert.NotEqual(first.Kept.Select(r => r.CorrelationId), nextWindow.Kept.Select(r => r.CorrelationId));
    }

    [Fact]
    public void Add_KeepsAUniformSample_EachThirdOfTheRowsAboutAThird()
    {
        var predictions = Fill(WindowPredictions.For("sys-1", Start), Rows);

        var thirds = predictions.Kept.GroupBy(r => int.Parse(r.CorrelationId!, System.Globalization.CultureInfo.InvariantCulture) / WindowPredictions.MaxKept).ToDictionary(g => g.Key, g => g.Count());

        // Binomial(20000, 1/3): the standard deviation is about 67 rows, so ±400 is six of them.
        Assert.All(Enumerable.Range(0, 3), third => Assert.InRange(thirds[third], (WindowPredictions.MaxKept / 3) - 400, (WindowPredictions.MaxKept / 3) + 400));
    }

    private static WindowPredictions Fill(WindowPredictions predictions, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            predictions.Add(new PredictionRecord(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", null, null));
        }

        return predictions;
    }
}
