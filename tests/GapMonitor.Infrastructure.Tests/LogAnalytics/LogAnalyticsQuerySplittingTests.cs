using GapMonitor.Infrastructure.LogAnalytics;
using GapMonitor.Testing.LogAnalytics;

namespace GapMonitor.Infrastructure.Tests.LogAnalytics;

public sealed class LogAnalyticsQuerySplittingTests : IAsyncLifetime
{
    private const string WorkspaceId = "b6c3f2a1-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static readonly DateTimeOffset From = new(2025, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddMinutes(8);
    private FakeLogAnalyticsService _service = null!;

    public async Task InitializeAsync() => _service = await FakeLogAnalyticsService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    /// <summary>One event a minute from <see cref="From"/>, the last one on <see cref="To"/>: nine events, several on split points.</summary>
    private static IEnumerable<(DateTimeOffset, string)> EveryMinute() =>
        Enumerable.Range(0, 9).Select(minute => (From.AddMinutes(minute), $"e{minute}"));

    [Fact]
    public async Task QueryAllAsync_WhenServiceSaysResultSetTooLarge_SplitsAndReturnsEveryRowOnceInOrder()
    {
        var data = new FakeWorkspaceData(EveryMinute()) { ServerRowLimit = 3 };
        _service.Responder = data.Answer;

        var rows = await RowsAsync(Client());

        Assert.Equal(Enumerable.Range(0, 9).Select(minute => $"e{minute}"), rows);
        var first = FakeWorkspaceData.TimespanOf(_service.Requests[0].Body);
        var second = FakeWorkspaceData.TimespanOf(_service.Requests[1].Body);
        Assert.Equal((From, To), first);
        Assert.Equal((From, From.AddMinutes(4)), second);
    }

    [Fact]
    public async Task QueryAllAsync_WhenRowCountReachesTheCap_SplitsEvenWithoutAPartialError()
    {
        _service.Responder = new FakeWorkspaceData(EveryMinute()).Answer;

        var rows = await RowsAsync(Client(options => options.RowCap = 3));

        Assert.Equal(Enumerable.Range(0, 9).Select(minute => $"e{minute}"), rows);
        Assert.True(_service.Requests.Count > 1);
    }

    [Fact]
    public async Task QueryAllAsync_WhenNothingIsCut_QueriesOnceAndYieldsOneSlice()
    {
        _service.Responder = new FakeWorkspaceData(EveryMinute()).Answer;

        var slices = await SlicesAsync(Client());

        var slice = Assert.Single(slices);
        Assert.Equal((From, To), (slice.From, slice.To));
        Assert.Equal(9, slice.Rows.Count);
        Assert.Single(_service.Requests);
    }

    [Fact]
    public async Task QueryAllAsync_YieldsSlicesInTimeOrderCoveringTheRangeWithoutGaps()
    {
        _service.Responder = new FakeWorkspaceData(EveryMinute()) { ServerRowLimit = 3 }.Answer;

        var slices = await SlicesAsync(Client());

        Assert.Equal(From, slices[0].From);
        Assert.Equal(To, slices[^1].To);
        Assert.All(slices.Zip(slices.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
    }

    [Fact]
    public async Task QueryAllAsync_WhenStillCutAtTheMinimumSpan_ThrowsWithThePartialError()
    {
        var crowded = Enumerable.Range(0, 5).Select(i => (From.AddMinutes(1), $"same-instant-{i}"));
        _service.Responder = new FakeWorkspaceData(crowded) { ServerRowLimit = 3 }.Answer;

        var error = await Assert.ThrowsAsync<LogAnalyticsQueryException>(() => RowsAsync(Client(options => options.MinimumSplitSpan = TimeSpan.FromSeconds(30))));

        Assert.Equal(200, error.Status);
        Assert.Equal("PartialError", error.ErrorCode);
        Assert.True(error.Error!.IsResultTruncated);
        Assert.Contains("no longer than 00:00:30", error.Message, StringComparison.Ordinal);
        Assert.InRange(_service.Requests.Count, 2, 12);
    }

    private LogAnalyticsQueryClient Client(Action<LogAnalyticsClientOptions>? configure = null) =>
        new(_service.Endpoint, new FixedTokenCredential("token"), _service.ClientOptions(configure));

    private static async Task<List<LogQueryResult>> SlicesAsync(LogAnalyticsQueryClient client)
    {
        var slices = new List<LogQueryResult>();
        await foreach (var slice in client.QueryAllAsync(WorkspaceId, "Events | order by TimeGenerated asc", From, To))
        {
            slices.Add(slice);
        }

        return slices;
    }

    private static async Task<List<string?>> RowsAsync(LogAnalyticsQueryClient client) =>
        [.. (await SlicesAsync(client)).SelectMany(slice => slice.Rows).Select(row => row.GetString("Value"))];
}
