using GapMonitor.Core.Performance;
using GapMonitor.Core.Tests.Support;

namespace GapMonitor.Core.Tests.Performance;

/// <summary>A close from a stale copy of the state must not undo labels that a concurrent close let in.</summary>
public class PendingPredictionsSavingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveKeepingLabels_WhenTheWindowIsNotStoredYet_StoresIt()
    {
        var store = new InMemoryPendingPredictionStore();

        await PendingPredictionsSaving.SaveKeepingLabelsAsync(store, "churn", Start, Start.AddDays(1), Predictions(("a", null), ("b", null)));

        Assert.Equal(["a", "b"], store["churn", Start]!.Predictions.Kept.Select(r => r.CorrelationId));
    }

    [Fact]
    public async Task SaveKeepingLabels_WhenAConcurrentCloseStoredItAndLabelsArrived_KeepsThoseLabels()
    {
        var store = new InMemoryPendingPredictionStore();
        await store.CreateAsync("churn", Start, Start.AddDays(1), Predictions(("a", "1"), ("b", null)));
        var stale = Predictions(("a", null), ("b", null));

        await PendingPredictionsSaving.SaveKeepingLabelsAsync(store, "churn", Start, Start.AddDays(1), stale);

        Assert.Equal(["1", null], store["churn", Start]!.Predictions.Kept.Select(r => r.Target));
        Assert.Equal(["1", null], stale.Kept.Select(r => r.Target));
    }

    private static WindowPredictions Predictions(params (string Id, string? Target)[] rows)
    {
        var predictions = new WindowPredictions { Rows = rows.Length };
        predictions.Kept.AddRange(rows.Select(r => new PredictionRecord(r.Id, "1", [0.7], r.Target)));
        return predictions;
    }
}
