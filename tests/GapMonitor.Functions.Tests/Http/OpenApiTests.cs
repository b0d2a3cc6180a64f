using System.Text.Json.Nodes;
using GapMonitor.Api.Hosting;
using GapMonitor.Functions.Http;
using GapMonitor.Functions.Tests.Support;
using GapMonitor.Testing;

namespace GapMonitor.Functions.Tests.Http;

public sealed class OpenApiTests(FunctionServices functions) : IClassFixture<FunctionServices>
{
    [Fact]
    public async Task RunAsync_ComparedWithStandaloneHost_ServesTheSameDocument()
    {
        await using var app = await Standalone.BuildAsync(await AzuriteFixture.ConnectionStringAsync(), "http://127.0.0.1:0");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var standalone = JsonNode.Parse(await client.GetStringAsync(new Uri($"/{ApiRoutes.Prefix}/{ApiRoutes.OpenApi}", UriKind.Relative)))!.AsObject();
        await app.StopAsync();

        var response = await functions.InvokeAsync<OpenApi>((t, req) => t.RunAsync(req, CancellationToken.None), "GET");
        var document = JsonNode.Parse(response.Body)!.AsObject();

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.NotNull(document["paths"]?[$"/{ApiRoutes.Prefix}/{ApiRoutes.SystemById}"]);
        standalone.Remove("servers");
        document.Remove("servers");
        Assert.True(JsonNode.DeepEquals(standalone, document), $"Standalone:\n{standalone}\n\nFunctions:\n{document}");
    }
}
