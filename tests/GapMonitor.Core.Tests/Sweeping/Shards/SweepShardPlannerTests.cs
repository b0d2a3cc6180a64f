using GapMonitor.Core.Sweeping.Shards;

namespace GapMonitor.Core.Tests.Sweeping.Shards;

public sealed class SweepShardPlannerTests
{
    [Fact]
    public void Plan_NoSystems_IsOneShardOfEverything()
    {
        var shard = Assert.Single(SweepShardPlanner.Plan([]));

        Assert.True(shard.IsAll);
        Assert.True(shard.Contains("any-id"));
    }

    [Theory]
    [InlineData(1, 10, 1)]
    [InlineData(10, 10, 1)]
    [InlineData(11, 10, 2)]
    [InlineData(100_000, 1000, 100)]
    [InlineData(100_001, 1000, 101)]
    public void Plan_AFleet_HasAsManyShardsAsItsSizeNeeds(int systems, int perShard, int expectedShards)
    {
        var ids = Ids(systems);

        var shards = SweepShardPlanner.Plan(ids, perShard);

        Assert.Equal(expectedShards, shards.Count);
        Assert.All(shards, s => Assert.InRange(ids.Count(s.Contains), 1, perShard));
    }

    [Fact]
    public void Plan_AFleet_PutsEverySystemInExactlyOneShard_AndCoversTheWholeKeySpace()
    {
        var ids = Ids(2_345);

        var shards = SweepShardPlanner.Plan(ids, 100);

        Assert.All(ids, id => Assert.Single(shards, s => s.Contains(id)));
        Assert.Null(shards[0].From);
        Assert.Null(shards[^1].To);
        for (var i = 1; i < shards.Count; i++)
        {
            Assert.Equal(shards[i - 1].To, shards[i].From);
        }

        // Systems registered after planning still land in one shard, wherever they sort.
        Assert.All(new[] { "000", "aaa", "sys-00050-new", "zzz", "sys-99999" }, id => Assert.Single(shards, s => s.Contains(id)));
    }

    [Fact]
    public void Plan_IdsOutOfOrder_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => SweepShardPlanner.Plan(["sys-b", "sys-a", "sys-c"], 1));
    }

    [Fact]
    public void Contains_Bounds_FromIsInclusiveAndToExclusive()
    {
        var shard = new SweepShard("sys-b", "sys-d");

        Assert.Equal([false, true, true, false, false], new[] { "sys-a", "sys-b", "sys-c", "sys-d", "sys-e" }.Select(shard.Contains));
    }

    [Fact]
    public void Message_WrittenAndRead_IsTheSameShard()
    {
        SweepShard[] shards = [SweepShard.All, new("sys-b", null), new(null, "sys-b"), new("sys-b", "sys-d")];

        Assert.Equal(shards, shards.Select(s => SweepShardMessage.Read(SweepShardMessage.Write(s))));
        Assert.Equal("""{"from":"sys-b","to":"sys-d"}""", SweepShardMessage.Write(new("sys-b", "sys-d")));
        Assert.Throws<FormatException>(() => SweepShardMessage.Read("not a shard"));
    }

    private static List<string> Ids(int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"sys-{i:D6}").Order(StringComparer.Ordinal)];
}
