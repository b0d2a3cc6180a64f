using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using GapMonitor.Testing;
using Xunit.Abstractions;

namespace GapMonitor.Cli.Tests.Serve;

/// <summary>
/// Two real <c>gapmonitor serve --workers 2</c> processes share one Azurite, one SMTP server and one webhook receiver. The
/// systems are registered with a one-second heartbeat period and never send one, so every one of them goes silent
/// within seconds on the real clock; the sweep runs every two seconds through the queue. Every notification written
/// must arrive exactly once: no webhook id and no email Message-Id twice, none missing.
/// </summary>
public sealed class QueuedSweepAcrossProcessesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Fleet = 40;
    private const string AdminKey = "serve-test-admin-key-0123456789abcdef";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "gapmonitor-serve-tests", Guid.NewGuid().ToString("N"));
    private readonly List<ServeProcess> _processes = [];
    private TestSmtpServer _smtp = null!;
    private TestWebhookReceiver _webhooks = null!;

    public async Task InitializeAsync()
    {
        _smtp = await TestSmtpServer.StartAsync();
        _webhooks = TestWebhookReceiver.Start();
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _webhooks.DisposeAsync();
        await _smtp.DisposeAsync();
        await AzuriteFixture.DeleteStorageAsync(_prefix);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task TwoServeProcesses_SweepingThroughTheQueue_DeliverEveryNotificationExactlyOnce()
    {
        var connection = await AzuriteFixture.ConnectionStringAsync();
        Assert.Contains("QueueEndpoint=", connection, StringComparison.OrdinalIgnoreCase);
        var first = StartServe(connection, "a");
        var second = StartServe(connection, "b");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var deadline = new CancellationTokenSource(Deadline);
        await WaitUntilHealthyAsync(http, first, deadline.Token);
        await WaitUntilHealthyAsync(http, second, deadline.Token);

        var ids = Enumerable.Range(0, Fleet).Select(i => $"q-{i:D3}").ToList();
        foreach (var id in ids)
        {
            var registering = await http.PostAsJsonAsync(new Uri((ids.IndexOf(id) % 2 == 0 ? first : second).Url, "api/systems"), SilentSystem(id), deadline.Token);
            Assert.True(registering.StatusCode == HttpStatusCode.Created, await registering.Content.ReadAsStringAsync(deadline.Token));
        }

        var tables = new TableServiceClient(connection);
        var delivered = await WaitForEveryNotificationAsync(tables, ids, deadline.Token);

        // Two more sweeps after everything arrived: a late duplicate would show now.
        var claimed = await LastEnqueuedAsync(tables, deadline.Token);
        while (await LastEnqueuedAsync(tables, deadline.Token) < claimed.AddSeconds(4))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
        }

        var webhookIds = _webhooks.Requests.Select(r => r.Header("webhook-id")!).ToList();
        var emailIds = _smtp.Messages.Select(m => m.MessageId).ToList();
        output.WriteLine($"{webhookIds.Count} webhooks, {emailIds.Count} emails for {Fleet} systems");
        Assert.Equal(webhookIds.Count, webhookIds.Distinct().Count());
        Assert.Equal(emailIds.Count, emailIds.Distinct().Count());
        Assert.Equal(delivered.Where(n => n.Channel == "Webhook").Select(n => n.Id).Order(), webhookIds.Order());
        Assert.Equal(delivered.Where(n => n.Channel == "Email").Select(n => n.Id + "@gapmonitor").Order(), emailIds.Order());
        Assert.All(_webhooks.Requests, r => Assert.True(r.SignatureValid, r.SignatureFailure));
        var opened = _webhooks.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).Where(b => b.GetProperty("type").GetString() == "alert.opened").ToList();
        Assert.Equal(Fleet, opened.Count);
        Assert.False(first.HasExited || second.HasExited, first.Output + second.Output);
        Assert.Contains("shard(s) enqueued", first.Output + second.Output, StringComparison.Ordinal);
    }

    private ServeProcess StartServe(string connection, string name)
    {
        var process = ServeProcess.Start(FreeTcpPort.Next(), workers: 2, new Dictionary<string, string>
        {
            ["GapMonitor__Storage__ConnectionString"] = connection,
            ["GapMonitor__Storage__TablePrefix"] = _prefix,
            ["GapMonitor__AdminApiKey"] = AdminKey,
            ["GapMonitor__SweepSchedule"] = "*/2 * * * * *",
            ["GapMonitor__DeliverySchedule"] = "*/3 * * * * *",
            ["GapMonitor__PullSchedule"] = "0 0 0 * * *",
            ["GapMonitor__SweepSystemsPerShard"] = "7",
            ["GapMonitor__Webhooks__AllowPrivateNetworks"] = "true",
            ["GapMonitor__Email__Smtp__Host"] = _smtp.Host,
            ["GapMonitor__Email__Smtp__Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GapMonitor__Email__Smtp__SecureSocket"] = "None",
            ["GapMonitor__Email__Smtp__From"] = "gapmonitor@test.example",
            ["GAPMONITOR_DATA"] = Path.Combine(_dataDirectory, name),
            ["Logging__LogLevel__GapMonitor"] = "Information",
        });
        _processes.Add(process);
        return process;
    }

    /// <summary>Handed over 60 days ago (the customer owns operations), a one-second heartbeat period, never a heartbeat.</summary>
    private object SilentSystem(string id) => new
    {
        id,
        name = "Queue test " + id,
        vendor = "modelworks",
        customer = "acme",
        model = new { name = "churn", version = "1.0.0" },
        handoverAt = DateTimeOffset.UtcNow.AddDays(-60),
        monitoring = new { heartbeatPeriod = "PT1S", heartbeatGrace = "PT1S" },
        acknowledgeWithin = "P7D",
        contacts = new object[]
        {
            new { party = "customer", webhook = new { url = _webhooks.Url, secret = _webhooks.Secret } },
            new { party = "customer", email = $"ml@{id}.example" },
            new { party = "vendor", email = "ops@modelworks.example" },
        },
    };

    private static async Task WaitUntilHealthyAsync(HttpClient http, ServeProcess serve, CancellationToken cancellationToken)
    {
        while (true)
        {
            Assert.False(serve.HasExited, serve.Output);
            try
            {
                using var response = await http.GetAsync(new Uri(serve.Url, "api/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
                    Assert.Equal(0, health.GetProperty("poisonQueueDepth").GetInt64());
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>
    /// Polls until every system has its silence alert's notifications and every notification written (live or moved to
    /// the archive) is delivered and has arrived; returns them.
    /// </summary>
    private async Task<List<(string Id, string Channel)>> WaitForEveryNotificationAsync(TableServiceClient tables, List<string> ids, CancellationToken cancellationToken)
    {
        while (true)
        {
            var rows = await NotificationRowsAsync(tables, cancellationToken);
            var silentAlerts = rows.Where(r => r.Type == "alert.opened" && r.Channel == "Webhook").Select(r => r.SystemId).Distinct().Count();
            var allDelivered = rows.All(r => r.State == "Delivered");
            var arrived = _webhooks.Requests.Count + _smtp.Messages.Count;
            if (silentAlerts == ids.Count && allDelivered && arrived >= rows.Count)
            {
                return [.. rows.Select(r => (r.Id, r.Channel))];
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private async Task<List<(string SystemId, string Id, string Type, string Channel, string State)>> NotificationRowsAsync(TableServiceClient tables, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, (string, string, string, string, string)>(StringComparer.Ordinal);
        foreach (var table in new[] { "archive", "systems" })
        {
            var filter = TableClient.CreateQueryFilter($"RowKey ge {"notification-"} and RowKey lt {"notification."}");
            await foreach (var row in tables.GetTableClient(_prefix + table).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows[row.PartitionKey + "/" + row.RowKey] = (row.PartitionKey, row.GetString("NotificationId"), row.GetString("Type"), row.GetString("Channel"), row.GetString("State"));
            }
        }

        return [.. rows.Values];
    }

    private async Task<DateTimeOffset> LastEnqueuedAsync(TableServiceClient tables, CancellationToken cancellationToken)
    {
        var claim = await tables.GetTableClient(_prefix + "archive").GetEntityIfExistsAsync<TableEntity>("sweep", "last-enqueued", cancellationToken: cancellationToken);
        return claim.HasValue ? claim.Value!.GetDateTimeOffset("Occurrence") ?? DateTimeOffset.MinValue : DateTimeOffset.MinValue;
    }
}
