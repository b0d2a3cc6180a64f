using GapMonitor.Drift.Profiles;

namespace GapMonitor.Drift.Tests.Profiles;

public class ProfileJsonTests
{
    [Fact]
    public void Serialize_WhenRestoredAndExtended_BehavesLikeTheOriginal()
    {
        var original = new DatasetProfile();
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            original.Column("x").Add(random.NextDouble());
            original.Column("c").Add(random.Next(5) == 0 ? null : $"k{random.Next(4)}");
        }

        original.Rows = 20_000;
        var restored = ProfileJson.DeserializeDataset(ProfileJson.Serialize(original));
        Assert.Equal(ProfileJson.Serialize(original), ProfileJson.Serialize(restored));

        foreach (var profile in new[] { original, restored })
        {
            var extra = new Random(12);
            for (var i = 0; i < 5000; i++)
            {
                profile.Column("x").Add(extra.NextDouble() + 0.1);
            }
        }

        Assert.Equal(ProfileJson.Serialize(original), ProfileJson.Serialize(restored));
        var other = DatasetProfile.FromColumns([new NumericColumnData("x", [0.5, 0.7]), new CategoricalColumnData("c", ["k1", "k9"])]);
        Assert.Equal(DriftCalculator.Compare(original, other), DriftCalculator.Compare(restored, other), new ReportComparer());
    }

    [Fact]
    public void Serialize_WhenColumnProfileEmpty_RoundTrips()
    {
        var empty = new ColumnProfile("e");

        var json = ProfileJson.Serialize(empty);

        Assert.Equal(json, ProfileJson.Serialize(ProfileJson.DeserializeColumn(json)));
        Assert.Contains("\"name\":\"e\"", json, StringComparison.Ordinal);
    }

    private sealed class ReportComparer : IEqualityComparer<DriftReport>
    {
        public bool Equals(DriftReport? x, DriftReport? y) =>
            x is not null && y is not null && x.Columns.SequenceEqual(y.Columns) && x.Skipped.SequenceEqual(y.Skipped) && x.DatasetDrift == y.DatasetDrift;

        public int GetHashCode(DriftReport obj) => obj.Columns.Count;
    }
}
