using System.Text.Json.Nodes;
using GapMonitor.Functions.Http;
using GapMonitor.Functions.Tests.Support;

namespace GapMonitor.Functions.Tests.Http;

public sealed class ListSystemsTests(FunctionServices functions) : IClassFixture<FunctionServices>
{
    [Fact]
    public async Task RunAsync_WithoutKey_Returns401ProblemDetails()
    {
        var response = await functions.InvokeAsync<ListSystems>((t, req) => t.RunAsync(req, CancellationToken.None), "GET");

        Assert.Equal(401, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal(401, JsonNode.Parse(response.Body)!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task RunAsync_WithAdminKey_Returns200WithTheList()
    {
        var response = await functions.InvokeAsync<ListSystems>((t, req) => t.RunAsync(req, CancellationToken.None), "GET", FunctionServices.AdminKey);

        Assert.Equal(200, response.Status);
        Assert.NotNull(JsonNode.Parse(response.Body)!["items"]);
    }
}
