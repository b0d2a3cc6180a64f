using Azure.Data.Tables;
using Azure.Storage.Blobs;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>
/// The stores' pages: following the continuation until it is null returns every row once, in the list's order, with
/// the query's filters on every page; a continuation no store made is refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorePagingTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private TableAlertStore _alerts = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _alerts = new TableAlertStore(Tables);
    }

    [Fact]
    public async Task AlertPages_OverLiveAndArchive_WithTiedOpeningTimes_ShowEachAlertOnce_NewestFirst()
    {
        var acme = await CreateAsync(new SystemBuilder().WithId("acme-a").WithCustomer("acme").Build());
        var globex = await CreateAsync(new SystemBuilder().WithId("globex-a").WithCustomer("globex").Build());
        var opened = new List<Alert>();
        for (var i = 0; i < 4; i++)
        {
            // Two alerts at each time (a tie broken by id), the older ones resolved and moved to the archive.
            opened.Add(await OpenAsync(acme));
            opened.Add(await OpenAsync(globex));
            Time.Advance(TimeSpan.FromMinutes(1));
            if (i < 3)
            {
                await ApplyAsync(Transitions.Resolve(acme, opened[^2], "ok", Time.GetUtcNow()));
                await ApplyAsync(Transitions.Resolve(globex, opened[^1], "ok", Time.GetUtcNow()));
            }
        }

        await new HistoryMover(Tables).MoveAsync("acme-a");
        var expected = opened.OrderByDescending(a => a.OpenedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal).Select(a => a.Id).ToList();

        var pages = await WalkAsync(page => _alerts.ListPageAsync(new AlertQuery(), page), limit: 3);
        var acmeOnly = await WalkAsync(page => _alerts.ListPageAsync(new AlertQuery(Customer: "acme"), page), limit: 1);

        Assert.Equal([3, 3, 2], pages.Select(p => p.Count));
        Assert.Equal(expected, pages.SelectMany(p => p).Select(a => a.Id));
        Assert.Equal(expected.Where(id => id.StartsWith("acme-a.", StringComparison.Ordinal)), acmeOnly.SelectMany(p => p).Select(a => a.Id));
        Assert.NotEmpty(await RowsInAsync(Tables.Archive, "acme-a"));
    }

    [Fact]
    public async Task AlertPages_AfterAnotherScopesContinuation_ApplyTheirOwnScope()
    {
        var acme = await CreateAsync(new SystemBuilder().WithId("acme-b").WithCustomer("acme").Build());
        var globex = await CreateAsync(new SystemBuilder().WithId("globex-b").WithCustomer("globex").Build());
        var acmeAlert = await OpenAsync(acme);
        Time.Advance(TimeSpan.FromMinutes(1));
        await OpenAsync(globex);
        Time.Advance(TimeSpan.FromMinutes(1));
        await OpenAsync(globex, AlertKinds.MonitoringFailing);

        var first = await _alerts.ListPageAsync(new AlertQuery(), new PageRequest(1));
        var acmeAfter = await _alerts.ListPageAsync(new AlertQuery(Customer: "acme"), new PageRequest(10, first.Continuation));

        Assert.Equal([acmeAlert.Id], acmeAfter.Items.Select(a => a.Id));
        Assert.Null(acmeAfter.Continuation);
    }

    [Fact]
    public async Task AlertPages_AfterTheLatestPossiblePosition_ShowEverything()
    {
        var system = await CreateAsync(new SystemBuilder().WithId("late").Build());
        var alert = await OpenAsync(system);

        var page = await _alerts.ListPageAsync(new AlertQuery(), new PageRequest(10, $"{DateTimeOffset.MaxValue.UtcTicks:D19}|zzz"));

        Assert.Equal([alert.Id], page.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task SystemPages_InIdOrder_FilteredByTenant_OnEveryPage()
    {
        foreach (var (id, customer) in new[] { ("c-1", "acme"), ("a-1", "globex"), ("b-1", "acme"), ("e-1", "acme"), ("d-1", "globex") })
        {
            await CreateAsync(new SystemBuilder().WithId(id).WithCustomer(customer).Build());
        }

        var all = await WalkAsync(page => Systems.ListPageAsync(null, null, page), limit: 2);
        var acme = await WalkAsync(page => Systems.ListPageAsync(null, "acme", page), limit: 1);

        Assert.Equal(["a-1", "b-1", "c-1", "d-1", "e-1"], all.SelectMany(p => p).Select(s => s.Id));
        Assert.Equal([2, 2, 1], all.Select(p => p.Count));
        Assert.Equal(["b-1", "c-1", "e-1"], acme.SelectMany(p => p).Select(s => s.Id));
    }

    [Fact]
    public async Task AuditPages_OverLiveAndArchive_ShowEachEntryOnce_NewestFirst()
    {
        var system = await CreateAsync(new SystemBuilder().WithId("audited").Build());
        for (var i = 0; i < 3; i++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            var alert = await OpenAsync(system);
            Time.Advance(TimeSpan.FromMinutes(1));
            await ApplyAsync(Transitions.Resolve(system, alert, "ok", Time.GetUtcNow()));
        }

        await new HistoryMover(Tables).MoveAsync("audited");
        Time.Advance(TimeSpan.FromMinutes(1));
        await OpenAsync(system);
        var whole = await Systems.GetAuditAsync("audited", 100);

        var pages = await WalkAsync(page => Systems.GetAuditPageAsync("audited", page), limit: 2);

        Assert.Equal(8, whole.Count);
        Assert.Equal(whole.Select(e => e.Id), pages.SelectMany(p => p).Select(e => e.Id));
        Assert.Equal([2, 2, 2, 2], pages.Select(p => p.Count));
    }

    [Fact]
    public async Task DriftPages_WithinFromTo_ShowEachWindowOnce_NewestFirst()
    {
        var options = Options.Create(new StorageOptions { TablePrefix = TablePrefix });
        var blobs = new TelemetryBlobs(new BlobServiceClient(Azurite.ConnectionString), options);
        await blobs.EnsureCreatedAsync();
        var store = new TableDriftWindowStore(Tables, blobs);
        var start = SystemBuilder.Epoch;
        for (var day = 0; day < 6; day++)
        {
            await store.SaveAsync(new DriftWindowRecord("drifting", start.AddDays(day), start.AddDays(day + 1), 10 + day, "v1", false, [], 0, null, [], new Dictionary<string, long>(), null));
        }

        var pages = await WalkAsync(page => store.ListPageAsync("drifting", start.AddDays(1), start.AddDays(4), page), limit: 3);

        Assert.Equal([3, 1], pages.Select(p => p.Count));
        Assert.Equal([4, 3, 2, 1], pages.SelectMany(p => p).Select(w => (int)(w.WindowStart - start).TotalDays));
    }

    [Fact]
    public async Task MetricPages_OfOneName_ShowEachPointOnce_NewestFirst()
    {
        var history = new TableSignalHistory(Tables, new IdGenerator(Time));
        var now = Time.GetUtcNow();
        await history.AppendAsync([.. Enumerable.Range(0, 7).Select(i => new MetricPoint("measured", i % 2 == 0 ? "accuracy" : "f1", i, now.AddMinutes(-i), null, "batch", i))]);

        var pages = await WalkAsync(page => history.MetricsPageAsync("measured", "accuracy", page), limit: 2);

        Assert.Equal([0.0, 2, 4, 6], pages.SelectMany(p => p).Select(m => m.Value));
    }

    [Theory]
    [InlineData("12|x")]
    [InlineData("0000000000000000012x")]
    [InlineData("9999999999999999999|x")]
    [InlineData("0638000000000000000|")]
    public async Task AlertPages_WithAContinuationNoStoreMade_AreRefused(string continuation) =>
        await Assert.ThrowsAsync<InvalidContinuationException>(() => _alerts.ListPageAsync(new AlertQuery(), new PageRequest(10, continuation)));

    [Theory]
    [InlineData("system")]
    [InlineData("zzz")]
    [InlineData("audit.")]
    public async Task AuditPages_WithAContinuationNoStoreMade_AreRefused(string continuation) =>
        await Assert.ThrowsAsync<InvalidContinuationException>(() => Systems.GetAuditPageAsync("any", new PageRequest(10, continuation)));

    private static async Task<List<IReadOnlyList<T>>> WalkAsync<T>(Func<PageRequest, Task<ResultPage<T>>> read, int limit)
    {
        var pages = new List<IReadOnlyList<T>>();
        string? continuation = null;
        do
        {
            var page = await read(new PageRequest(limit, continuation));
            Assert.True(page.Items.Count <= limit);
            pages.Add(page.Items);
            continuation = page.Continuation;
        }
        while (continuation is not null && pages.Count < 50);

        Assert.Null(continuation);
        return pages;
    }

    private static async Task<List<TableEntity>> RowsInAsync(TableClient table, string systemId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {systemId}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
