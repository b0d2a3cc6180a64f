using Azure.Storage.Queues;
using GapMonitor.Api;
using GapMonitor.Composition;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping.Shards;
using GapMonitor.Functions.Tests.Support;
using GapMonitor.Functions.Timers;
using GapMonitor.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Functions.Tests.Timers;

/// <summary>The sweep timer claims the occurrence its schedule names, as the standalone host's scheduler does.</summary>
public sealed class SweepTimerOccurrenceTests(FunctionServices functions) : IClassFixture<FunctionServices>
{
    private const string EveryMinute = "0 */1 * * * *";
    private static readonly DateTimeOffset Occurrence = new(2026, 12, 2, 10, 15, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(40)]
    [InlineData(59_000)]
    public void OccurrenceAt_ATimerFiringEarlyOnTimeOrLate_NamesTheOccurrenceTheStandaloneSchedulerWaitsFor(int firedAfterMilliseconds)
    {
        var schedule = CronSchedules.Parse(EveryMinute);
        var standalone = new DateTimeOffset(schedule.GetNextOccurrence(Occurrence.AddSeconds(-30).UtcDateTime), TimeSpan.Zero);

        var occurrence = CronSchedules.OccurrenceAt(schedule, Occurrence.AddMilliseconds(firedAfterMilliseconds));

        Assert.Equal((Occurrence, Occurrence), (occurrence, standalone));
    }

    [Theory]
    [InlineData("0 0 3 * * *", "2026-12-02T02:59:59.9Z", "2026-12-02T03:00:00Z")]
    [InlineData("0 0 3 * * *", "2026-12-02T02:59:59Z", "2026-12-01T03:00:00Z")]
    [InlineData("0 0 0 1 1 *", "2026-12-02T10:00:00Z", "2026-01-01T00:00:00Z")]
    [InlineData("*/20 * * * * *", "2026-12-02T10:00:39.4Z", "2026-12-02T10:00:20Z")]
    public void OccurrenceAt_IsTheLatestOccurrenceAtOrBefore(string expression, string firedAt, string expected)
    {
        var occurrence = CronSchedules.OccurrenceAt(CronSchedules.Parse(expression), DateTimeOffset.Parse(firedAt, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), occurrence);
    }

    [Fact]
    public async Task TwoInstancesFiringAFewMillisecondsApartAroundTheOccurrence_EnqueueItOnce()
    {
        var queue = functions.Provider.GetRequiredService<ISweepShardQueue>();
        var early = Timer(Occurrence.AddMilliseconds(-3));
        var late = Timer(Occurrence.AddMilliseconds(40));

        await early.RunAsync(new TimerInfo(), CancellationToken.None);
        var enqueued = await queue.GetDepthsAsync();
        // Its consumers are done: only the claim stands between the second instance and a second fan-out.
        await new QueueClient(await AzuriteFixture.ConnectionStringAsync(), queue.Name).ClearMessagesAsync();
        await late.RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Equal(1, enqueued.Pending);
        Assert.Equal(new SweepQueueDepths(0, 0), await queue.GetDepthsAsync());
    }

    private SweepTimer Timer(DateTimeOffset firesAt) => new(
        functions.Provider.GetRequiredService<SweepTick>(),
        Options.Create(new GapMonitorOptions { SweepSchedule = EveryMinute }),
        new FakeTimeProvider(firesAt));
}
