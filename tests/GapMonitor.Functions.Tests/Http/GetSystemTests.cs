using GapMonitor.Functions.Http;
using GapMonitor.Functions.Tests.Support;

namespace GapMonitor.Functions.Tests.Http;

public sealed class GetSystemTests(FunctionServices functions) : IClassFixture<FunctionServices>
{
    [Fact]
    public async Task RunAsync_WithAdminKeyAndUnknownId_Returns404NamingTheId()
    {
        var response = await functions.InvokeAsync<GetSystem>((t, req) => t.RunAsync(req, "no-such-system", CancellationToken.None), "GET", FunctionServices.AdminKey);

        Assert.Equal(404, response.Status);
        Assert.Contains("no-such-system", response.Body, StringComparison.Ordinal);
    }
}
