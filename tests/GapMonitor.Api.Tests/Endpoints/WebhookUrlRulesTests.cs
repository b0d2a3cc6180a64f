using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>With private networks off (production), a webhook the delivery guard would always refuse is refused at registration.</summary>
public sealed class WebhookUrlRulesTests : IAsyncLifetime
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ApiTestHost.StartAsync(configureServices: s => s.AddSingleton(new OutboundNetworkOptions(AllowPrivateNetworks: false)));

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Theory]
    [InlineData("http://hooks.acme.example/gap")]
    [InlineData("https://hooks.acme.example:8443/gap")]
    public async Task Register_AWebhookThatCouldNeverBeDelivered_Is400NamingIt(string url)
    {
        var problem = await _host.JsonAsync(HttpMethod.Post, "/api/systems", ApiTestHost.AdminKey, Body("hook-bad", url), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("contacts[2].webhook.url", out _), problem.ToString());
    }

    [Fact]
    public async Task Register_AnHttpsWebhookOnTheDefaultPort_IsAccepted() =>
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", ApiTestHost.AdminKey, Body("hook-good", "https://hooks.acme.example/gap"), 201);

    private object Body(string id, string url) =>
        SystemBodies.Registration(id, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-1), customerWebhook: new Uri(url), customerSecret: Secret);
}
