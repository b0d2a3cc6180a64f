using Azure;
using Azure.Core;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

public sealed class BlobContainerClientFactoryTests
{
    [Fact]
    public async Task Create_WhenTheUriCarriesASas_ReadsWithIt()
    {
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync(), prefix: "dc/model_inputs");
        var hour = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        await log.UploadAsync(hour, "a.jsonl", log.Records(hour, 2));
        var sas = RealClockSas.ReadAndList(log.Container);
        var unusedCredential = new Mock<TokenCredential>(MockBehavior.Strict);
        var reader = new InferenceLogReader(new BlobContainerClientFactory(unusedCredential.Object, GuardedTransport.Create(allowPrivateNetworks: true)), NullLogger<InferenceLogReader>.Instance);

        var result = await reader.ReadNewAsync(new InferenceLogSource(sas, "/dc/model_inputs/"), null, 100);

        Assert.Equal(2, result.RowCount);
    }

    [Fact]
    public void Create_WhenTheUriHasNoSas_UsesTheServiceCredential()
    {
        var credential = new Mock<TokenCredential>(MockBehavior.Strict);
        var source = new InferenceLogSource(new Uri("https://acct.blob.core.windows.net/azureml"), "p");

        var client = new BlobContainerClientFactory(credential.Object, GuardedTransport.Create(allowPrivateNetworks: false)).Create(source);

        Assert.False(source.HasSas);
        Assert.Equal("azureml", client.Name);
        Assert.False(client.CanGenerateSasUri);
    }

    [Fact]
    public async Task Read_WhenATenantsHostIsGivenWithASas_NeverSendsItTheServiceIdentity()
    {
        await using var tenantHost = TestWebhookReceiver.Start(path: "/acct/container");
        tenantHost.Responder = (_, _) => Task.FromResult(new WebhookReply(System.Net.HttpStatusCode.Forbidden));
        var credential = new Mock<TokenCredential>(MockBehavior.Strict);
        var reader = new InferenceLogReader(new BlobContainerClientFactory(credential.Object, GuardedTransport.Create(allowPrivateNetworks: true)), NullLogger<InferenceLogReader>.Instance);
        var source = new InferenceLogSource(new Uri(tenantHost.Url, "?sv=2024-08-04&sr=c&sp=rl&sig=forged"), "dc");

        await Assert.ThrowsAsync<RequestFailedException>(() => reader.ReadNewAsync(source, null, 100));

        Assert.NotEmpty(tenantHost.Requests);
        Assert.All(tenantHost.Requests, r => Assert.Null(r.Header("Authorization")));
        credential.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Read_WhenTheContainerHostIsPrivate_IsRefusedBeforeAnyRequest()
    {
        await using var privateHost = TestWebhookReceiver.Start(path: "/acct/container");
        var reader = new InferenceLogReader(
            new BlobContainerClientFactory(new Mock<TokenCredential>(MockBehavior.Strict).Object, GuardedTransport.Create(allowPrivateNetworks: false), o => o.Retry.MaxRetries = 0),
            NullLogger<InferenceLogReader>.Instance);
        var source = new InferenceLogSource(new Uri(privateHost.Url, "?sv=2024-08-04&sr=c&sp=rl&sig=x"), "dc");

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => reader.ReadNewAsync(source, null, 100));

        Assert.Empty(privateHost.Requests);
        Assert.Contains("loopback", refused.ToString(), StringComparison.Ordinal);
    }
}
