using Azure.Core;
using Azure.Storage.Blobs;
using GapMonitor.Core.Telemetry;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

public sealed class InferenceLogReaderHourTests
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadNewAsync_WhenFilesInTwoConsecutiveHours_ReadsBothOnceInOrder()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour.AddHours(1), "b.jsonl", log.Records(Hour.AddHours(1).AddMinutes(5), 2));
        await log.UploadAsync(Hour, "a.jsonl", log.Records(Hour.AddMinutes(5), 3));
        var reader = new ReadAll(log);

        var first = await reader.NextAsync();
        var second = await reader.NextAsync();

        Assert.Equal(5, first.RowCount);
        Assert.Equal(5, first.Records);
        Assert.Equal([log.PathOf(Hour, "a.jsonl"), log.PathOf(Hour.AddHours(1), "b.jsonl")], first.BlobsRead);
        Assert.Equal(first.Rows.Times.Order(), first.Rows.Times);
        Assert.Equal(Hour.AddMinutes(5), first.FirstRecordTime);
        Assert.Equal(Hour.AddHours(1).AddMinutes(5).AddSeconds(1), first.LastRecordTime);
        Assert.Equal(0, second.RowCount);
        Assert.Empty(second.BlobsRead);
        Assert.False(second.HasMore);
    }

    [Theory]
    [InlineData("2026-11-26T23:00:00Z")] // midnight
    [InlineData("2026-11-30T23:00:00Z")] // month end
    [InlineData("2026-12-31T23:00:00Z")] // year end
    [InlineData("2028-02-28T23:00:00Z")] // leap day follows
    public async Task ReadNewAsync_WhenHoursCrossADateBoundary_ReadsNewFilesAfterTheCheckpoint(string lastHourOfPeriod)
    {
        var before = DateTimeOffset.Parse(lastHourOfPeriod, System.Globalization.CultureInfo.InvariantCulture);
        var after = before.AddHours(1);
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(before.AddHours(-1), "f.jsonl", log.Records(before.AddHours(-1), 1));
        await log.UploadAsync(before, "f.jsonl", log.Records(before, 2));
        var reader = new ReadAll(log);
        var first = await reader.NextAsync();

        await log.UploadAsync(after, "f.jsonl", log.Records(after, 4));
        await log.UploadAsync(after.AddHours(1), "f.jsonl", log.Records(after.AddHours(1), 1));
        var second = await reader.NextAsync();

        Assert.Equal(3, first.RowCount);
        Assert.Equal(5, second.RowCount);
        Assert.Equal([log.PathOf(after, "f.jsonl"), log.PathOf(after.AddHours(1), "f.jsonl")], second.BlobsRead);
        Assert.Equal(after.ToString("yyyy/MM/dd/HH", System.Globalization.CultureInfo.InvariantCulture), reader.Checkpoint!.OpenFrom);
    }

    [Fact]
    public async Task ReadNewAsync_WhenHoursBetweenFilesAreEmpty_ReadsEachNewFileOnce()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        var reader = new ReadAll(log);
        var rows = new List<int>();
        foreach (var hour in new[] { Hour, Hour.AddHours(4), Hour.AddHours(11), Hour.AddDays(3).AddHours(2) })
        {
            await log.UploadAsync(hour, "x.jsonl", log.Records(hour.AddMinutes(1), 2, rowsEach: 2));
            rows.Add((await reader.NextAsync()).RowCount);
            rows.Add((await reader.NextAsync()).RowCount);
        }

        Assert.Equal([4, 0, 4, 0, 4, 0, 4, 0], rows);
    }

    [Fact]
    public async Task ReadNewAsync_WhenAFileArrivesLateInThePreviousHour_ReadsIt()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour, "replica-b.jsonl", log.Records(Hour, 1));
        await log.UploadAsync(Hour.AddHours(1), "replica-b.jsonl", log.Records(Hour.AddHours(1), 1));
        var reader = new ReadAll(log);
        await reader.NextAsync();

        await log.UploadAsync(Hour, "replica-a.jsonl", log.Records(Hour.AddMinutes(59), 3));
        var late = await reader.NextAsync();

        Assert.Equal(3, late.RowCount);
        Assert.Equal([log.PathOf(Hour, "replica-a.jsonl")], late.BlobsRead);
    }

    [Fact]
    public async Task ReadNewAsync_WhenAFileArrivesInAClosedHour_DoesNotListThatHourAgain()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour, "a.jsonl", log.Records(Hour, 1));
        await log.UploadAsync(Hour.AddHours(2), "a.jsonl", log.Records(Hour.AddHours(2), 1));
        var reader = new ReadAll(log);
        await reader.NextAsync();

        await log.UploadAsync(Hour, "late.jsonl", log.Records(Hour, 1));
        var next = await reader.NextAsync();

        Assert.Equal("2026/11/26/09", reader.Checkpoint!.OpenFrom);
        Assert.Equal(0, next.RowCount);
        Assert.All(reader.Checkpoint.Blobs, b => Assert.Contains("/2026/11/26/10/", b.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadNewAsync_WhenNamesDoNotFollowTheLayout_IgnoresThem()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour, "a.jsonl", log.Records(Hour, 1));
        await log.UploadAsync(Hour, "a.json.tmp", log.Records(Hour, 1));
        await log.Container.GetBlobClient(log.Prefix + "/readme/2026/x.jsonl").UploadAsync(BinaryData.FromString(log.Record(Hour)));
        await log.Container.GetBlobClient(log.Prefix + "x/2026/11/26/08/a.jsonl").UploadAsync(BinaryData.FromString(log.Record(Hour)));

        var result = await new ReadAll(log).NextAsync();

        Assert.Equal(1, result.RowCount);
    }

    [Fact]
    public async Task ReadNewAsync_WhenARecordHasNoTime_DatesItsRowsAtTheStartOfItsHourFolder()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour, "a.jsonl", """{"id":"n","modelversion":"3","data":[{"x":1},{"y":"b"}]}""" + "\n");

        var result = await new ReadAll(log).NextAsync();

        Assert.Equal([Hour, Hour], result.Rows.Times);
        Assert.Null(result.FirstRecordTime);
        Assert.Equal([1, double.NaN], result.Rows.Columns["x"].Select(v => v.Number));
        Assert.Equal(TelemetryValueKind.Missing, result.Rows.Columns["x"][1].Kind);
        Assert.Equal("b", result.Rows.Columns["y"][1].Text);
    }

    [Fact]
    public async Task ReadNewAsync_WhenMonthsOfHistoryPrecedeTheCheckpoint_ListsOnlyFromTheOpenHour()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        var start = new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 75; day++)
        {
            await log.UploadAsync(start.AddDays(day), "a.jsonl", log.Record(start.AddDays(day)));
        }

        var counter = new RequestCounter();
        var options = new BlobClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var client = new BlobContainerClient(await AzuriteFixture.ConnectionStringAsync(), log.Container.Name, options);
        var reader = new ReadAll(log, new FixedContainerFactory(client));
        var history = await reader.NextAsync();
        counter.Reset();

        var idle = await reader.NextAsync();

        Assert.Equal(75, history.RowCount);
        Assert.Equal(0, idle.RowCount);
        Assert.InRange(counter.Listings, 1, 6); // year, month, day, hour levels + the open hour's blobs
        Assert.Equal(0, counter.Downloads);
    }
}
