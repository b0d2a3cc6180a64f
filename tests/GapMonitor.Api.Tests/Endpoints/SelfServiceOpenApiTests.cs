using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>The OpenAPI document describes the self-service routes and fields (it is generated from the code).</summary>
public sealed class SelfServiceOpenApiTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _document = await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", key: null);
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public void Patch_TakesAMergePatch_AndAnswers415And428()
    {
        var patch = _document.GetProperty("paths").GetProperty("/api/systems/{id}").GetProperty("patch");

        Assert.True(patch.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/merge-patch+json", out _), patch.GetRawText());
        Assert.All(new[] { "200", "403", "412", "415", "428" }, status => Assert.True(patch.GetProperty("responses").TryGetProperty(status, out _), $"{status}: {patch.GetRawText()}"));
    }

    [Fact]
    public void IngestKeyRotation_And_KeyListing_AreDescribed()
    {
        var paths = _document.GetProperty("paths");

        Assert.True(paths.GetProperty("/api/systems/{id}/ingest-key").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(paths.GetProperty("/api/keys").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
    }

    [Theory]
    [InlineData("KeyRequest", "expiresAt")]
    [InlineData("KeyCreatedResponse", "expiresAt")]
    [InlineData("KeyResponse", "lastUsedAt")]
    [InlineData("KeyResponse", "revokedAt")]
    [InlineData("KeyList", "next")]
    [InlineData("IngestKeyResponse", "ingestKey")]
    public void Schemas_HaveTheNewFields(string schema, string field)
    {
        var schemas = _document.GetProperty("components").GetProperty("schemas");

        Assert.True(schemas.GetProperty(schema).GetProperty("properties").TryGetProperty(field, out _), schemas.GetProperty(schema).GetRawText());
    }
}
