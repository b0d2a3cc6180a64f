using System.Text;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// A request answered before its over-limit body was read (401, 404, 413) leaves its connection unusable: the response
/// says <c>Connection: close</c>, so the client's next request goes over a fresh connection instead of failing.
/// </summary>
public sealed class ConnectionReuseTests : IAsyncLifetime
{
    private const long Limit = 64 * 1024;
    private ApiTestHost _host = null!;
    private string _vendor = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync(maxRequestBytes: Limit);
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Theory]
    [InlineData("PATCH", "/api/systems", true)]
    [InlineData("POST", "/api/systems", true)]
    [InlineData("POST", "/api/systems", false)]
    [InlineData("POST", "/api/systems/x/heartbeats", false)]
    public async Task NextRequest_AfterAnOverLimitBody_IsAnswered(string method, string path, bool withKey)
    {
        for (var i = 0; i < 20; i++)
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = _host.BaseAddress };
            using var oversized = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"name\":\"" + new string('x', 2 * (int)Limit) + "\"}", Encoding.UTF8, "application/json") };
            if (withKey)
            {
                oversized.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _vendor);
            }

            using (var first = await client.SendAsync(oversized))
            {
                Assert.True((int)first.StatusCode is 401 or 404 or 405 or 413, $"{(int)first.StatusCode}");
            }

            // A POST: the client does not silently retry it on a fresh connection, as it would a GET.
            using var next = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/sweep") { Content = new StringContent("{}") });
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, next.StatusCode);
        }
    }
}
