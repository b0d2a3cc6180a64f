using GapMonitor.Api.Tests.Hosting;
using Microsoft.Extensions.Options;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>The host refuses to start with an admin key anybody could guess.</summary>
public sealed class StartupRulesTests
{
    [Theory]
    [InlineData("change-me")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("   0123456789abcdef0123456789abcde   ")]
    public async Task Host_WithAdminKeyUnder32Characters_RefusesToStart(string adminKey)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () => await (await ApiTestHost.StartAsync(adminKey: adminKey)).DisposeAsync());
        Assert.Contains("AdminApiKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_With32CharacterAdminKey_Starts()
    {
        const string Key = "0123456789abcdef0123456789abcdef";
        await using var host = await ApiTestHost.StartAsync(adminKey: Key);
        await host.JsonAsync(HttpMethod.Get, "/api/systems", Key);
    }

    [Fact]
    public void TestHostAdminKey_IsLongEnough() => Assert.True(ApiTestHost.AdminKey.Length >= 32);
}
