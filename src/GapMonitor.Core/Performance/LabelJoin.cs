namespace GapMonitor.Core.Performance;

/// <summary>Sets the targets of kept predictions from labels by correlation id; a later label replaces an earlier target.</summary>
public static class LabelJoin
{
    /// <summary>Joins <paramref name="targets"/> (target by correlation id) into <paramref name="predictions"/>.</summary>
    /// <param name="matched">Receives the correlation ids that named a kept row.</param>
    /// <returns>How many kept rows matched, and whether any target changed.</returns>
    public static (int Matches, bool Changed) Apply(WindowPredictions predictions, IReadOnlyDictionary<string, string> targets, ISet<string> matched)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(matched);
        var matches = 0;
        var changed = false;
        for (var i = 0; i < predictions.Kept.Count; i++)
        {
            var row = predictions.Kept[i];
            if (row.CorrelationId is not { } id || !targets.TryGetValue(id, out var target))
            {
                continue;
            }

            matches++;
            matched.Add(id);
            if (!string.Equals(row.Target, target, StringComparison.Ordinal))
            {
                predictions.Kept[i] = row with { Target = target };
                changed = true;
            }
        }

        return (matches, changed);
    }
}
