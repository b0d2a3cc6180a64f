using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

public sealed class InferenceLogReaderContentTests
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadNewAsync_WhenLinesAreMalformed_CountsAndSkipsThemAndReadsTheRest()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        var truncated = log.Record(Hour)[..30];
        await log.UploadAsync(Hour, "a.jsonl", string.Concat(
            log.Record(Hour),
            "this is not json\n",
            """{"id":"no-data","time":"2026-11-26T08:00:00Z"}""" + "\n",
            truncated + "\n",
            """{"id":"rows-not-objects","data":[1,2]}""" + "\n",
            """{"id":"data-not-array","data":{"a":1}}""" + "\n",
            "[1,2,3]\n",
            "\n",
            log.Record(Hour.AddMinutes(1))));

        var result = await new ReadAll(log).NextAsync();

        Assert.Equal(6, result.MalformedLines);
        Assert.Equal(2, result.Records);
        Assert.Equal(["rec-1:0", "rec-2:0"], ReadAll.RowIds([result]));
    }

    [Fact]
    public async Task ReadNewAsync_WhenALineEscapesALoneSurrogate_CountsItMalformedAndReadsTheRest()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour, "a.jsonl", string.Concat(
            log.Record(Hour),
            """{"id":"lone-value","time":"2026-11-26T08:00:00Z","data":[{"text":"\ud800"}]}""" + "\n",
            """{"id":"lone-name","time":"2026-11-26T08:00:00Z","data":[{"\uDC00":1}]}""" + "\n",
            """{"id":"lone-version","modelversion":"\udbff","time":"2026-11-26T08:00:00Z","data":[]}""" + "\n",
            """{"id":"pair","time":"2026-11-26T08:00:00Z","data":[{"emoji":"\ud83d\ude00"}]}""" + "\n",
            log.Record(Hour.AddMinutes(1))));

        var result = await new ReadAll(log).NextAsync();

        Assert.Equal(3, result.MalformedLines);
        Assert.Equal(3, result.Records);
    }

    [Fact]
    public async Task ReadNewAsync_WhenMaxRowsSplitsFilesAndRecords_ReturnsEveryRowExactlyOnce()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        var written = 0;
        var records = 0;
        for (var file = 0; file < 5; file++)
        {
            var hour = Hour.AddHours(file / 2);
            var content = string.Concat(Enumerable.Range(1, 6).Select(n => log.Record(hour.AddMinutes(n), rows: (n * (file + 1)) % 7)));
            written += Enumerable.Range(1, 6).Sum(n => (n * (file + 1)) % 7);
            records += 6;
            await log.AppendAsync(hour, $"part-{file}.jsonl", content);
        }

        var results = await new ReadAll(log).DrainAsync(maxRows: 4);

        var ids = ReadAll.RowIds(results);
        Assert.All(results, r => Assert.InRange(r.RowCount, 0, 4));
        Assert.Equal(written, results.Sum(r => r.RowCount));
        Assert.Equal(written, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(records, results.Sum(r => r.Records));
        Assert.True(results.Count > written / 4);
    }

    [Fact]
    public async Task ReadNewAsync_WhenMaxRowsStopsInsideARecord_ReturnsTheRestOfItNextCall()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour, "a.jsonl", log.Record(Hour, rows: 5) + log.Record(Hour, rows: 1));
        var reader = new ReadAll(log);

        var first = await reader.NextAsync(maxRows: 3);
        var rowsTakenAfterFirst = reader.Checkpoint!.Blobs.Single().RowsTaken;
        var second = await reader.NextAsync(maxRows: 3);

        Assert.Equal(["rec-0:0", "rec-0:1", "rec-0:2"], ReadAll.RowIds([first]));
        Assert.True(first.HasMore);
        Assert.Equal(3, rowsTakenAfterFirst);
        Assert.Equal(["rec-0:3", "rec-0:4", "rec-1:0"], ReadAll.RowIds([second]));
        Assert.Equal(1, first.Records);
        Assert.Equal(1, second.Records);
    }

    [Fact]
    public async Task ReadNewAsync_WhenRecordsCarryModelVersions_CountsRecordsAndRowsPerVersion()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour, "a.jsonl", string.Concat(
            log.Records(Hour, 3, rowsEach: 2, modelVersion: "1.4.0"),
            log.Records(Hour.AddMinutes(30), 1, rowsEach: 5, modelVersion: "1.5.0"),
            log.Records(Hour.AddMinutes(40), 1, modelVersion: null)));

        var result = await new ReadAll(log).NextAsync();

        Assert.Equal(new InferenceModelVersionStats(3, 6, Hour, Hour.AddSeconds(2)), result.ModelVersions["1.4.0"]);
        Assert.Equal(new InferenceModelVersionStats(1, 5, Hour.AddMinutes(30), Hour.AddMinutes(30)), result.ModelVersions["1.5.0"]);
        Assert.Equal(1, result.ModelVersions[""].Records);
    }

    [Fact]
    public async Task ReadNewAsync_WhenValuesHaveEveryKind_ConvertsThemPerColumn()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        await log.UploadAsync(Hour, "a.jsonl",
            """{"time":"2026-11-26T08:01:00+01:00","data":[{"n":1.5,"s":"x","b":true,"z":null,"o":{"k":1}},{"n":"2"}]}""" + "\r\n");

        var result = await new ReadAll(log).NextAsync();

        var columns = result.Rows.Columns;
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(new InferenceValue(TelemetryValueKind.Number, 1.5, null), columns["n"][0]);
        Assert.Equal(new InferenceValue(TelemetryValueKind.String, double.NaN, "2"), columns["n"][1]);
        Assert.Equal(new InferenceValue(TelemetryValueKind.Boolean, 1, "true"), columns["b"][0]);
        Assert.Equal(InferenceValue.Null, columns["z"][0]);
        Assert.Equal("""{"k":1}""", columns["o"][0].Text);
        Assert.All(columns.Values, c => Assert.Equal(2, c.Count));
        Assert.Equal(InferenceValue.Missing, columns["s"][1]);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 7, 1, 0, TimeSpan.Zero), result.Rows.Times[0]);
    }

    [Fact]
    public async Task ReadNewAsync_WhenTheContainerIsEmpty_ReturnsNothingAndNoCheckpointPosition()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());

        var result = await new ReadAll(log).NextAsync();

        Assert.Equal(0, result.RowCount);
        Assert.Null(result.Checkpoint.OpenFrom);
        Assert.Empty(result.Checkpoint.Blobs);
    }
}
