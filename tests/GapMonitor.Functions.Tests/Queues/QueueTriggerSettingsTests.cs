using Azure.Storage.Queues;
using GapMonitor.Functions.Tests.Support;
using GapMonitor.Infrastructure.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Functions.Tests.Queues;

/// <summary>
/// The Functions scale controller reads a queue trigger's connection and queue by their flat app setting names (it does
/// not resolve <c>Section:Key</c>), and the worker must enqueue on the queue the trigger reads.
/// </summary>
public sealed class QueueTriggerSettingsTests
{
    [Fact]
    public void QueueTriggers_ReadTheirConnectionAndQueueFromFlatAppSettings()
    {
        Assert.NotEmpty(FunctionTriggers.Queues);
        Assert.All(FunctionTriggers.Queues, q =>
        {
            Assert.Matches("^[A-Za-z0-9_]+$", q.Trigger.Connection);
            Assert.Matches("^%[A-Za-z0-9_]+%$", q.Trigger.QueueName);
        });
    }

    [Fact]
    public async Task TheWorker_WithTheSettingsBicepWrites_EnqueuesOnTheQueueTheTriggerReads()
    {
        var trigger = Assert.Single(FunctionTriggers.Queues).Trigger;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GapMonitor:AdminApiKey"] = FunctionServices.AdminKey,
            ["GapMonitor:Storage:TableServiceUri"] = "https://gapmonitorexample.table.core.windows.net",
            ["GapMonitor:Storage:BlobServiceUri"] = "https://gapmonitorexample.blob.core.windows.net",
            [trigger.Connection + ":queueServiceUri"] = "https://gapmonitorexample.queue.core.windows.net",
            [trigger.Connection + ":credential"] = "managedidentity",
            [trigger.QueueName.Trim('%')] = "sweep-shards-from-bicep",
            ["GapMonitor:Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "gapmonitor-queue-settings-tests"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddGapMonitorFunctions(configuration, Path.Combine(Path.GetTempPath(), "gapmonitor-queue-settings-tests"));
        await using var provider = services.BuildServiceProvider();

        var queue = provider.GetRequiredService<StorageSweepShardQueue>();
        var service = provider.GetRequiredService<QueueServiceClient>();

        Assert.Equal("sweep-shards-from-bicep", queue.Name);
        Assert.Equal("https://gapmonitorexample.queue.core.windows.net/", service.Uri.ToString());
    }
}
