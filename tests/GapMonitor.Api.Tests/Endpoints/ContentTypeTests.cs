using System.Net;
using System.Text;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>A JSON route posted with another content type (curl -d without -H) is a 415 naming what to send, as in the Functions host.</summary>
public sealed class ContentTypeTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task JsonRoute_PostedAsAForm_Is415NamingJson()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/systems", ApiTestHost.AdminKey,
            configure: r => r.Content = new StringContent("{}", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_IsStill404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _host.SendAsync(HttpMethod.Post, "/api/nothing-here", ApiTestHost.AdminKey, "{}")).StatusCode);
}
