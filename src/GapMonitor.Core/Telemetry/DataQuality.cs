using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Telemetry;

/// <summary>Data-quality findings of a window against the reference profile: missing share jumps, unseen categories, values outside the reference range, columns added or gone.</summary>
public static class DataQuality
{
    public const double MissingJump = 0.1;
    public const double OutOfRangeShare = 0.05;

    public static IReadOnlyList<DataQualityFinding> Compare(DatasetProfile reference, DatasetProfile current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var findings = new List<DataQualityFinding>();
        var referenceColumns = reference.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var currentColumns = current.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var name in currentColumns.Keys.Except(referenceColumns.Keys))
        {
            findings.Add(new DataQualityFinding("column-added", name, "The column is in the telemetry but not in the reference."));
        }

        foreach (var name in referenceColumns.Keys.Except(currentColumns.Keys))
        {
            findings.Add(new DataQualityFinding("column-gone", name, "The column is in the reference but missing from the telemetry."));
        }

        foreach (var (name, cur) in currentColumns)
        {
            if (!referenceColumns.TryGetValue(name, out var reff))
            {
                continue;
            }

            var refMissing = Share(reff.Missing, reff.Count + reff.Missing);
            var curMissing = Share(cur.Missing, cur.Count + cur.Missing);
            if (curMissing - refMissing > MissingJump)
            {
                findings.Add(new DataQualityFinding("missing-share-jump", name, $"Missing share rose from {refMissing:P1} to {curMissing:P1}.", curMissing - refMissing));
            }

            var unseen = cur.TopCategories.Keys.Where(k => !reff.TopCategories.ContainsKey(k)).Take(10).ToList();
            if (unseen.Count > 0 && reff.TopCategories.Count > 0)
            {
                findings.Add(new DataQualityFinding("unseen-categories", name, $"Values not in the reference: {string.Join(", ", unseen)}.", unseen.Count));
            }

            if (reff.NumericCount > 0 && cur.NumericCount > 0)
            {
                var outside = cur.SampleValues.Count(v => v < reff.Min || v > reff.Max);
                var share = Share(outside, cur.SampleValues.Count());
                if (share > OutOfRangeShare)
                {
                    findings.Add(new DataQualityFinding("out-of-range", name, $"{share:P1} of values lie outside the reference range [{reff.Min}, {reff.Max}].", share));
                }
            }
        }

        return findings;
    }

    private static double Share(double part, double whole) => whole <= 0 ? 0 : part / whole;
}
