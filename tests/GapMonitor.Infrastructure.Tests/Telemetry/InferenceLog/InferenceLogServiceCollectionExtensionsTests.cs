using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

public sealed class InferenceLogServiceCollectionExtensionsTests
{
    [Fact]
    public void AddInferenceLogReader_WhenResolved_GivesAReaderAndTheDefaultFactory()
    {
        using var provider = new ServiceCollection().AddLogging().AddInferenceLogReader().BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<InferenceLogReader>());
        Assert.IsType<BlobContainerClientFactory>(provider.GetRequiredService<IBlobContainerClientFactory>());
    }
}
