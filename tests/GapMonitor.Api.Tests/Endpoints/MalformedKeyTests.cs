using System.Net;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>Whatever a presented key looks like, if it is not a valid key the answer is 401 (never 5xx, never a storage query built from it).</summary>
public sealed class MalformedKeyTests : IAsyncLifetime
{
    private static readonly string Hex64 = new('a', 64);
    private ApiTestHost _host = null!;

    // Sends header bytes as UTF-8, so keys with any characters reach the server (HttpClient refuses non-ASCII by default).
    private HttpClient _raw = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, SystemBodies.Registration("key-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), 201);
        _raw = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 }) { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _raw.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string> Keys => new()
    {
        "gm_a/b#c?d_" + Hex64,
        "gm_a\\b_" + Hex64,
        "gm_' or 1 eq 1 or ''_" + Hex64,
        "gm_" + new string('a', 300) + "_" + Hex64,
        "gm__" + Hex64,
        "gm_%2F_" + Hex64,
        "gm_0000000000000000_zz",
        "gm_0000000000000000_" + Hex64 + "_",
        "gm_ab\u00e9cd_" + Hex64,
        "gmi_key-sys/../x_" + Hex64,
        "gmi_KEY-SYS_" + Hex64,
        "gmi_key-sys_" + Hex64 + "x",
        "gmi_a#b_" + Hex64,
        "gmi_" + new string('k', 1000) + "_" + Hex64,
        "gm_",
        "gmi_",
        "_",
        new string('x', 5000),
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task AnyMalformedKey_Returns401(string key)
    {
        foreach (var (method, path) in new[] { ("GET", "/api/systems"), ("POST", "/api/systems/key-sys/heartbeats"), ("GET", "/api/systems/key-sys") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"status\":\"ok\"}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
            using var response = await _raw.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with {key[..Math.Min(key.Length, 40)]}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task AnyMalformedKey_InApiKeyHeader_Returns401(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/systems");
        request.Headers.TryAddWithoutValidation("x-api-key", key);
        using var response = await _raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("a%2Fb%23c")]
    [InlineData("..")]
    [InlineData("'")]
    [InlineData("0000000000000000")]
    public async Task RevokeKey_WithOddId_Returns404(string id)
    {
        using var response = await _host.SendAsync(HttpMethod.Delete, $"/api/keys/{id}", ApiTestHost.AdminKey);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
