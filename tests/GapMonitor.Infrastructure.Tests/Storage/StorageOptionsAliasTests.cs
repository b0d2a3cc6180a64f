using GapMonitor.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>The queue trigger's flat settings stand for the documented <c>GapMonitor:Storage</c> keys, which still work.</summary>
public sealed class StorageOptionsAliasTests
{
    [Fact]
    public void Read_WithOnlyTheTriggersFlatSettings_TakesTheQueueServiceAndQueueFromThem()
    {
        var options = StorageOptions.Read(Configuration(("GapMonitorStorage:queueServiceUri", "https://acct.queue.core.windows.net"), ("GapMonitorSweepQueue", "shards")));

        Assert.Equal((new Uri("https://acct.queue.core.windows.net"), "shards", true), (options.QueueServiceUri, options.SweepQueueName, options.HasQueueService));
    }

    [Fact]
    public void Read_WithOnlyTheDocumentedKeys_KeepsThem()
    {
        var options = StorageOptions.Read(Configuration(("GapMonitor:Storage:QueueServiceUri", "https://acct.queue.core.windows.net"), ("GapMonitor:Storage:SweepQueue", "shards")));

        Assert.Equal((new Uri("https://acct.queue.core.windows.net"), "shards"), (options.QueueServiceUri, options.SweepQueueName));
    }

    [Fact]
    public void Read_WithBothNamingTheSameQueue_Agrees()
    {
        var options = StorageOptions.Read(Configuration(("GapMonitor:Storage:SweepQueue", "shards"), ("GapMonitorSweepQueue", "shards")));

        Assert.Equal("shards", options.SweepQueueName);
    }

    [Theory]
    [InlineData("GapMonitor:Storage:SweepQueue", "shards", "GapMonitorSweepQueue", "other")]
    [InlineData("GapMonitor:Storage:QueueServiceUri", "https://one.queue.core.windows.net", "GapMonitorStorage:queueServiceUri", "https://two.queue.core.windows.net")]
    public void Read_WithBothNamingDifferentQueues_Refuses(string key, string value, string alias, string aliasValue)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => StorageOptions.Read(Configuration((key, value), (alias, aliasValue))));

        Assert.Contains(alias, refused.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
