using System.Text.Json.Nodes;
using GapMonitor.Functions.Http;
using GapMonitor.Functions.Tests.Support;

namespace GapMonitor.Functions.Tests.Http;

public sealed class HealthTests(FunctionServices functions) : IClassFixture<FunctionServices>
{
    [Fact]
    public async Task RunAsync_WhenStorageIsReachable_Returns200Ok()
    {
        var response = await functions.InvokeAsync<Health>((t, req) => t.RunAsync(req, CancellationToken.None), "GET");

        Assert.Equal(200, response.Status);
        Assert.Equal("ok", JsonNode.Parse(response.Body)!["status"]!.GetValue<string>());
    }
}
