using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Drift.Tests.Profiles;

/// <summary>Merging partition profiles in any order gives the same profile (up to floating-point rounding and the sketch's rank error).</summary>
public class ProfileMergeProperties
{
    private static readonly ProfileSettings Small = new() { QuantileK = 16, ExactValueCapacity = 8, TopCategories = 4, SampleSize = 32 };

    [Property(MaxTest = 200)]
    public Property Merge_WhenPartitionsMergedInAnyOrder_GivesTheSameProfile(int[][] partitions, int shuffleSeed)
    {
        var parts = partitions.Where(p => p is not null).ToArray();
        var inOrder = MergeAll(parts.Select(Build).ToList());
        var order = Enumerable.Range(0, parts.Length).ToArray();
        new Random(shuffleSeed).Shuffle(order);
        var shuffled = MergeTree(order.Select(i => Build(parts[i], i)).ToList());
        var all = parts.SelectMany(p => p).ToArray();

        return (SameExactParts(inOrder, shuffled)
                && SameMoments(inOrder, shuffled)
                && RankErrorWithinBound(shuffled, all)
                && RankErrorWithinBound(inOrder, all)).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property Merge_WhenCategoriesFitTheCapacity_CountsExactlyInAnyOrder(string[][] partitions, int shuffleSeed)
    {
        var parts = partitions.Where(p => p is not null).Select(p => p.Where(s => s is not null).Select(s => "c" + (s.Length % 4)).ToArray()).ToArray();
        var order = Enumerable.Range(0, parts.Length).ToArray();
        new Random(shuffleSeed).Shuffle(order);
        var merged = MergeTree(order.Select(i => BuildCategories(parts[i], i)).ToList());
        var expected = parts.SelectMany(p => p).GroupBy(s => s).ToDictionary(g => g.Key, g => (long)g.Count());

        return (merged.Categories.Counts.Count == expected.Count
                && expected.All(kv => merged.Categories.Counts[kv.Key] == kv.Value)
                && merged.Categories.Other == 0).ToProperty();
    }

    private static ColumnProfile Build(int[] values, int index)
    {
        var profile = new ColumnProfile("x", Small, seed: (ulong)index);
        foreach (var v in values)
        {
            profile.Add(v % 7 == 0 ? double.NaN : v);
        }

        return profile;
    }

    private static ColumnProfile BuildCategories(string[] values, int index)
    {
        var profile = new ColumnProfile("c", Small, seed: (ulong)index);
        foreach (var v in values)
        {
            profile.Add(v);
        }

        return profile;
    }

    private static ColumnProfile MergeAll(List<ColumnProfile> profiles)
    {
        var total = new ColumnProfile("x", Small, seed: 99);
        foreach (var p in profiles)
        {
            total.Merge(p);
        }

        return total;
    }

    private static ColumnProfile MergeTree(List<ColumnProfile> profiles)
    {
        var empty = new ColumnProfile("x", Small, seed: 98);
        while (profiles.Count > 1)
        {
            var next = new List<ColumnProfile>();
            for (var i = 0; i < profiles.Count; i += 2)
            {
                if (i + 1 < profiles.Count)
                {
                    profiles[i + 1].Merge(profiles[i]);
                }

                next.Add(i + 1 < profiles.Count ? profiles[i + 1] : profiles[i]);
            }

            profiles = next;
        }

        if (profiles.Count == 1)
        {
            empty.Merge(profiles[0]);
        }

        return empty;
    }

    private static bool SameExactParts(ColumnProfile a, ColumnProfile b) =>
        a.Count == b.Count
        && a.Missing == b.Missing
        && a.NumericCount == b.NumericCount
        && a.Min.Equals(b.Min)
        && a.Max.Equals(b.Max)
        && a.Quantiles.Count == b.Quantiles.Count
        && a.Values.Overflowed == b.Values.Overflowed
        && a.Values.Counts.Count == b.Values.Counts.Count
        && a.Values.Counts.All(kv => b.Values.Counts.TryGetValue(kv.Key, out var c) && c == kv.Value)
        && a.Sample.Seen == b.Sample.Seen
        && a.Sample.Values.Order().SequenceEqual(b.Sample.Values.Order());

    private static bool SameMoments(ColumnProfile a, ColumnProfile b) =>
        a.NumericCount == 0 || (Close(a.Mean, b.Mean) && Close(a.Variance, b.Variance));

    private static bool Close(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));

    /// <summary>Every summarised value's estimated rank is within ε·n of its true rank (ε = 3 / k, a generous bound).</summary>
    private static bool RankErrorWithinBound(ColumnProfile profile, int[] values)
    {
        var numbers = values.Where(v => v % 7 != 0).Select(v => (double)v).Order().ToArray();
        if (numbers.Length == 0)
        {
            return profile.Quantiles.Count == 0;
        }

        var allowed = (3.0 / Small.QuantileK * numbers.Length) + 1;
        foreach (var probe in numbers.Distinct())
        {
            var exact = numbers.Count(v => v <= probe);
            if (Math.Abs(profile.Quantiles.Rank(probe) - exact) > allowed)
            {
                return false;
            }
        }

        return true;
    }
}
