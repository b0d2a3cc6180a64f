using Azure.Core;
using Azure.Storage.Blobs;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

public sealed class InferenceLogReaderGrowthTests
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadNewAsync_WhenABlockBlobIsReuploadedWithMoreLines_ReadsOnlyTheNewLines()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        var firstPart = log.Records(Hour, 3);
        await log.UploadAsync(Hour, "a.jsonl", firstPart);
        var reader = new ReadAll(log);
        var first = await reader.NextAsync();

        await log.UploadAsync(Hour, "a.jsonl", firstPart + log.Records(Hour.AddMinutes(1), 2));
        var second = await reader.NextAsync();

        Assert.Equal(3, first.RowCount);
        Assert.Equal(2, second.RowCount);
        Assert.Equal(0, second.ReplacedBlobs);
        Assert.Equal(["rec-3:0", "rec-4:0"], ReadAll.RowIds([second]));
    }

    [Fact]
    public async Task ReadNewAsync_WhenAnAppendBlobGrows_ReadsOnlyTheAppendedLines()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.AppendAsync(Hour, "a.jsonl", log.Records(Hour, 2));
        var reader = new ReadAll(log);
        var first = await reader.NextAsync();
        var unchanged = await reader.NextAsync();

        await log.AppendAsync(Hour, "a.jsonl", log.Records(Hour.AddMinutes(1), 3, rowsEach: 2));
        var second = await reader.NextAsync();

        Assert.Equal(2, first.RowCount);
        Assert.Empty(unchanged.BlobsRead);
        Assert.Equal(6, second.RowCount);
        Assert.Equal(3, second.Records);
        Assert.Equal(0, second.ReplacedBlobs);
    }

    [Fact]
    public async Task ReadNewAsync_WhenTheLastLineIsIncomplete_ConsumesItOnlyOnceCompleted()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        var complete = log.Record(Hour);
        var pending = log.Record(Hour.AddMinutes(1), rows: 2);
        await log.AppendAsync(Hour, "a.jsonl", complete + pending[..40]);
        var reader = new ReadAll(log);
        var first = await reader.NextAsync();
        var stillPending = await reader.NextAsync();

        await log.AppendAsync(Hour, "a.jsonl", pending[40..^1]);
        var withoutNewline = await reader.NextAsync();
        await log.AppendAsync(Hour, "a.jsonl", "\n");
        var completed = await reader.NextAsync();

        Assert.Equal(1, first.RowCount);
        Assert.Equal(0, first.MalformedLines);
        Assert.Equal(0, stillPending.RowCount);
        Assert.Equal(0, withoutNewline.RowCount);
        Assert.Equal(0, withoutNewline.MalformedLines);
        Assert.Equal(2, completed.RowCount);
        Assert.Equal(["rec-1:0", "rec-1:1"], ReadAll.RowIds([completed]));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(complete + pending), reader.Checkpoint!.Blobs.Single().Offset);
    }

    [Fact]
    public async Task ReadNewAsync_WhenAReuploadCompletesTheLastLine_ReadsIt()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        var lines = log.Records(Hour, 2);
        await log.UploadAsync(Hour, "a.jsonl", lines[..^10]);
        var reader = new ReadAll(log);
        var first = await reader.NextAsync();

        await log.UploadAsync(Hour, "a.jsonl", lines);
        var second = await reader.NextAsync();

        Assert.Equal(["rec-0:0"], ReadAll.RowIds([first]));
        Assert.Equal(["rec-1:0"], ReadAll.RowIds([second]));
        Assert.Equal(0, second.ReplacedBlobs);
    }

    [Fact]
    public async Task ReadNewAsync_WhenABlobShrinks_CountsItReplacedAndReadsItFromTheStart()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour, "a.jsonl", log.Records(Hour, 3));
        var reader = new ReadAll(log);
        await reader.NextAsync();

        await log.UploadAsync(Hour, "a.jsonl", log.Record(Hour.AddMinutes(2)));
        var second = await reader.NextAsync();

        Assert.Equal(1, second.ReplacedBlobs);
        Assert.Equal(["rec-3:0"], ReadAll.RowIds([second]));
    }

    [Fact]
    public async Task ReadNewAsync_WhenABlobIsReplacedByLongerDifferentContent_CountsItReplacedAndReadsItFromTheStart()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour, "a.jsonl", log.Records(Hour, 2));
        var reader = new ReadAll(log);
        await reader.NextAsync();

        await log.UploadAsync(Hour, "a.jsonl", log.Records(Hour.AddMinutes(5), 4));
        var second = await reader.NextAsync();

        Assert.Equal(1, second.ReplacedBlobs);
        Assert.Equal(["rec-2:0", "rec-3:0", "rec-4:0", "rec-5:0"], ReadAll.RowIds([second]));
    }

    [Fact]
    public async Task ReadNewAsync_WhenABlobChangesBetweenListingAndDownload_ContinuesFromTheOffsetWithTheNewETag()
    {
        var writer = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        var path = await writer.AppendAsync(Hour, "a.jsonl", writer.Records(Hour, 2));
        var policy = new BeforeFirstDownloadPolicy(path);
        var options = new BlobClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        var readerClient = new BlobContainerClient(await AzuriteFixture.ConnectionStringAsync(), writer.Container.Name, options);
        var reader = new ReadAll(writer, new FixedContainerFactory(readerClient));
        var first = await reader.NextAsync();

        await writer.AppendAsync(Hour, "a.jsonl", writer.Records(Hour.AddMinutes(1), 2));
        policy.Arm(() => writer.AppendAsync(Hour, "a.jsonl", writer.Records(Hour.AddMinutes(2), 3)));
        var second = await reader.NextAsync();

        Assert.True(policy.Fired);
        Assert.Contains(reader.Logger.Messages, m => m.Contains("changed while being read", StringComparison.Ordinal));
        Assert.Equal(["rec-0:0", "rec-1:0"], ReadAll.RowIds([first]));
        Assert.Equal(["rec-2:0", "rec-3:0", "rec-4:0", "rec-5:0", "rec-6:0"], ReadAll.RowIds([second]));
        Assert.Equal(0, second.ReplacedBlobs);
    }
}
