using System.Net;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>
/// The service's own Table and Blob clients, as the hosts register them, against a real loopback server or a closed
/// port: a call that still fails after the retries surfaces as the core's <see cref="StorageUnavailableException"/>.
/// </summary>
public sealed class StorageClientRegistrationTests
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public async Task TableCall_WhenNothingListens_ThrowsStorageUnavailableAfterTheRetries()
    {
        await using var services = Build(FreeTcpPort.Next());

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            services.GetRequiredService<TableServiceClient>().GetTableClient("systems").GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(2, Assert.IsType<AggregateException>(error.InnerException).InnerExceptions.Count);
    }

    [Fact]
    public async Task TableCall_WhenStorageAnswers503_ThrowsStorageUnavailableWithTheAnswer()
    {
        await using var server = Answering(HttpStatusCode.ServiceUnavailable);
        await using var services = Build(server.Port);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            services.GetRequiredService<TableServiceClient>().GetTableClient("systems").GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(503, Assert.IsType<RequestFailedException>(error.InnerException).Status);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task BlobCall_WhenStorageAnswers500_ThrowsStorageUnavailable()
    {
        await using var server = Answering(HttpStatusCode.InternalServerError);
        await using var services = Build(server.Port);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("telemetry").GetBlobClient("a/state.json").DownloadContentAsync());

        Assert.Equal(500, Assert.IsType<RequestFailedException>(error.InnerException).Status);
    }

    [Fact]
    public async Task TableCall_WhenStorageAnswers409_LeavesTheAnswerToTheCaller()
    {
        await using var server = Answering(HttpStatusCode.Conflict);
        await using var services = Build(server.Port);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            services.GetRequiredService<TableServiceClient>().GetTableClient("systems").AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, error.Status);
    }

    [Fact]
    public async Task HealthProbe_WhenStorageAnswers503_IsNotReachable()
    {
        await using var server = Answering(HttpStatusCode.ServiceUnavailable);
        await using var services = Build(server.Port);

        Assert.False(await services.GetRequiredService<IStorageHealthProbe>().IsReachableAsync());
    }

    [Fact]
    public async Task HealthProbe_WhenNothingListens_ThrowsStorageUnavailable()
    {
        await using var services = Build(FreeTcpPort.Next());

        await Assert.ThrowsAsync<StorageUnavailableException>(() => services.GetRequiredService<IStorageHealthProbe>().IsReachableAsync());
    }

    [Fact]
    public async Task Registration_ForStorageAndTelemetry_HasOneCredentialForEveryone()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GapMonitor:Storage:TableServiceUri"] = "https://account.table.core.windows.net",
            ["GapMonitor:Storage:BlobServiceUri"] = "https://account.blob.core.windows.net",
        }).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);

        collection.AddGapMonitorStorage(configuration).AddGapMonitorTelemetry();
        await using var services = collection.BuildServiceProvider();

        Assert.Single(collection, d => d.ServiceType == typeof(TokenCredential));
        Assert.Same(services.GetRequiredService<TokenCredential>(), services.GetRequiredService<TokenCredential>());
    }

    private static TestWebhookReceiver Answering(HttpStatusCode status)
    {
        var server = TestWebhookReceiver.Start(path: "/devstoreaccount1");
        server.Responder = (_, _) => Task.FromResult(new WebhookReply(status));
        return server;
    }

    /// <summary>The hosts' registration over an account on <paramref name="port"/>, with one quick retry.</summary>
    private static ServiceProvider Build(int port)
    {
        var endpoint = $"http://127.0.0.1:{port}/devstoreaccount1";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GapMonitor:Storage:ConnectionString"] =
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint={endpoint};BlobEndpoint={endpoint};",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddGapMonitorStorage(configuration);
        services.Configure<TableClientOptions>("Default", o => QuickRetry(o.Retry));
        services.Configure<BlobClientOptions>("Default", o => QuickRetry(o.Retry));
        return services.BuildServiceProvider();
    }

    private static void QuickRetry(RetryOptions retry)
    {
        retry.MaxRetries = 1;
        retry.Delay = TimeSpan.FromMilliseconds(1);
        retry.MaxDelay = TimeSpan.FromMilliseconds(1);
    }
}
