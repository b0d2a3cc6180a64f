using Azure.Core;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using GapMonitor.Infrastructure.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

public sealed class BlobContainerClientFactoryTests
{
    [Fact]
    public async Task Create_WhenTheUriCarriesASas_ReadsWithIt()
    {
        var log = new DataCollectorLog(await InferenceLogStorage.NewContainerAsync(), prefix: "dc/model_inputs");
        var hour = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        await log.UploadAsync(hour, "a.jsonl", log.Records(hour, 2));
        var sas = RealClockSas.ReadAndList(log.Container);
        var unusedCredential = new Mock<TokenCredential>(MockBehavior.Strict);
        var reader = new InferenceLogReader(new BlobContainerClientFactory(unusedCredential.Object), NullLogger<InferenceLogReader>.Instance);

        var result = await reader.ReadNewAsync(new InferenceLogSource(sas, "/dc/model_inputs/"), null, 100);

        Assert.Equal(2, result.RowCount);
    }

    [Fact]
    public void Create_WhenTheUriHasNoSas_UsesTheServiceCredential()
    {
        var credential = new Mock<TokenCredential>(MockBehavior.Strict);
        var source = new InferenceLogSource(new Uri("https://acct.blob.core.windows.net/azureml"), "p");

        var client = new BlobContainerClientFactory(credential.Object).Create(source);

        Assert.False(source.HasSas);
        Assert.Equal("azureml", client.Name);
        Assert.False(client.CanGenerateSasUri);
    }
}
