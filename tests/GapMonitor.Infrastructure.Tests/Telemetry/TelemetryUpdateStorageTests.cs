using System.Globalization;
using System.Text;
using Azure.Core;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Infrastructure.Tests.Sweeping;
using GapMonitor.Infrastructure.Webhooks;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>
/// <see cref="TelemetryIngestion.UpdateAsync"/> over the real stores: two updates at once count every row once and leave
/// no window blob behind; an update closing several windows reads the reference once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryUpdateStorageTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const string SystemId = "updates";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private CountingReferenceProfiles _references = null!;

    [Fact]
    public async Task TwoUpdatesAtOnce_OneRetries_EveryRowCountedOnce_AndNoWindowBlobLeftBehind()
    {
        await using var graph = await BuildAsync();
        var system = await RegisterAsync(referenceVersion: null);
        var ingestion = graph.GetRequiredService<TelemetryIngestion>();
        Time.Advance(TimeSpan.FromMinutes(30));
        var reads = 0;
        var bothRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<TelemetryDelta> Change(TelemetryState state, int rows)
        {
            Fold(state, SystemBuilder.Epoch, rows);
            state.RecordsRead += rows;
            if (Interlocked.Increment(ref reads) == 2)
            {
                bothRead.SetResult();
            }

            await bothRead.Task;
            return new TelemetryDelta(rows, null, null);
        }

        await Task.WhenAll(
            ingestion.UpdateAsync(system, state => Change(state, 300)),
            ingestion.UpdateAsync(system, state => Change(state, 4_000)));

        Assert.Equal(3, reads);
        var (stored, _) = await graph.GetRequiredService<ITelemetryStateStore>().GetAsync(SystemId);
        Assert.Equal((4_300L, 4_300L), (stored!.RecordsRead, Assert.Single(stored.Windows).Value.Profile.Rows));
        Assert.Single(await WindowBlobsAsync(graph));
    }

    [Fact]
    public async Task AnUpdateClosingSeveralWindows_ReadsTheReferenceOnce_AndStoresEachWindow()
    {
        await using var graph = await BuildAsync();
        await graph.GetRequiredService<ReferenceUploader>().UploadAsync(SystemId, "v1", ReferenceFormats.Csv, new MemoryStream(Encoding.UTF8.GetBytes(ReferenceCsv())));
        var system = await RegisterAsync("v1");
        Time.Advance(TimeSpan.FromHours(4));

        await graph.GetRequiredService<TelemetryIngestion>().UpdateAsync(system, state =>
        {
            for (var hour = 0; hour < 3; hour++)
            {
                Fold(state, SystemBuilder.Epoch.AddHours(hour), 200);
            }

            return Task.FromResult(new TelemetryDelta(600, null, null));
        });

        Assert.Equal(1, _references.Calls);
        var windows = await graph.GetRequiredService<IDriftWindowStore>().ListAsync(SystemId, null, null, 10);
        Assert.Equal(3, windows.Count);
        Assert.All(windows, w => Assert.NotNull(w.ReportJson));
        Assert.Empty(await WindowBlobsAsync(graph));
    }

    private static void Fold(TelemetryState state, DateTimeOffset hour, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            var window = state.WindowFor(hour.AddSeconds(i % 3600), Hour, TelemetryIngestion.ServiceProfileSettings)!;
            window.Profile.Column("x").Add((i % 97) * 0.5);
            window.Profile.Rows++;
        }
    }

    private static string ReferenceCsv()
    {
        var csv = new StringBuilder("x\n");
        for (var i = 0; i < 300; i++)
        {
            csv.Append(((i % 89) * 0.5).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }

    private static async Task<List<string>> WindowBlobsAsync(IServiceProvider graph)
    {
        var names = new List<string>();
        await foreach (var blob in graph.GetRequiredService<TelemetryBlobs>().State.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{SystemId}/windows/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private async Task<MonitoredSystem> RegisterAsync(string? referenceVersion)
    {
        var system = new SystemBuilder().WithId(SystemId)
            .RegisteredAt(Time.GetUtcNow() - TimeSpan.FromDays(1)).HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30))
            .Build();
        system = system with
        {
            Telemetry = new TelemetrySettings { DriftWindow = Hour },
            Signals = system.Signals with { ReferenceVersion = referenceVersion },
        };
        return await CreateAsync(system);
    }

    private async Task<ServiceProvider> BuildAsync()
    {
        var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services =>
        {
            services.Configure<WebhookOptions>(o => o.AllowPrivateNetworks = true);
            services.AddSingleton<TokenCredential>(new FailingTokenCredential(() => new InvalidOperationException("no identity in tests")));
            services.AddGapMonitorTelemetry();
            services.AddSingleton<IReferenceProfiles>(provider => _references = new CountingReferenceProfiles(new BlobReferenceProfiles(provider.GetRequiredService<TelemetryBlobs>())));
        });
        await graph.GetRequiredService<TelemetryBlobs>().EnsureCreatedAsync();
        _ = graph.GetRequiredService<IReferenceProfiles>();
        return graph;
    }
}
