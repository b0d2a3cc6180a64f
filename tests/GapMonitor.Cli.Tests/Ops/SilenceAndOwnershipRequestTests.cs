using System.Net;
using System.Text.Json;
using GapMonitor.Cli.Ops;
using GapMonitor.Testing;

namespace GapMonitor.Cli.Tests.Ops;

/// <summary>
/// <c>silence</c> and <c>confirm-ownership</c> call routes built elsewhere (API.md v2, "Silences" and "Ownership after
/// handover"): a real loopback listener records the request each sends and answers as the contract says.
/// </summary>
public sealed class SilenceAndOwnershipRequestTests : IAsyncLifetime
{
    private const string Key = "gm_vendor-key-for-the-stub";
    private TestWebhookReceiver _api = null!;
    private readonly OpsCli _cli = new();

    public Task InitializeAsync()
    {
        _api = TestWebhookReceiver.Start();
        _api.Responder = (request, _) => Task.FromResult(request.Path switch
        {
            "/api/silences" or "/gm/api/silences" => new WebhookReply(HttpStatusCode.Created, Body: JsonSerializer.Serialize(new
            {
                id = "sil-1",
                systemId = "acme-churn",
                kinds = new[] { "drift-detected", "telemetry-stale" },
                startsAt = "2026-12-01T13:23:00Z",
                endsAt = "2026-12-01T17:23:00Z",
                reason = "retraining",
                by = "jo@contoso.example",
                createdBy = "vendor",
            })),
            "/api/systems/acme-churn/ownership" => new WebhookReply(HttpStatusCode.OK, Body: JsonSerializer.Serialize(new
            {
                state = "confirmed",
                confirmedAt = "2026-12-01T13:23:00Z",
                confirmedBy = "ops@acme.example",
                dueAt = "2027-03-01T13:23:00Z",
            })),
            _ => new WebhookReply(HttpStatusCode.NotFound, Body: """{"status":404,"title":"Not found.","detail":"System 'x' does not exist."}"""),
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private string Url => $"http://127.0.0.1:{_api.Port}";

    [Fact]
    public async Task Silence_PostsTheSystemKindsEndAndReason_WithTheBearerKey()
    {
        var (exit, output, _) = await _cli.RunAsync(
            "silence", "acme-churn", "--for", "PT4H", "--reason", "retraining", "--kind", "drift-detected", "--kind", "telemetry-stale", "--by", "jo@contoso.example",
            "--url", Url, "--key", Key);

        Assert.Equal(0, exit);
        var request = Assert.Single(_api.Requests);
        Assert.Equal(("POST", "/api/silences"), (request.Method, request.Path));
        Assert.Equal($"Bearer {Key}", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var sent = body.RootElement;
        Assert.Equal("acme-churn", sent.GetProperty("systemId").GetString());
        Assert.Equal(["drift-detected", "telemetry-stale"], sent.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(OpsCli.ClientNow.AddHours(4), sent.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal("retraining", sent.GetProperty("reason").GetString());
        Assert.Equal("jo@contoso.example", sent.GetProperty("by").GetString());
        Assert.False(sent.TryGetProperty("startsAt", out _));
        Assert.Contains("Silenced acme-churn (drift-detected, telemetry-stale) from 2026-12-01 13:23 UTC until 2026-12-01 17:23 UTC: retraining. Silence sil-1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silence_WithoutKind_LeavesKindsOut_AndKeepsAPathPrefixOfTheUrl()
    {
        var (exit, output, _) = await _cli.RunAsync("silence", "acme-churn", "--for", "P2D", "--reason", "migration", "--format", "json", "--url", Url + "/gm", "--key", Key);

        Assert.Equal(0, exit);
        var request = Assert.Single(_api.Requests);
        Assert.Equal("/gm/api/silences", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.False(body.RootElement.TryGetProperty("kinds", out _));
        Assert.False(body.RootElement.TryGetProperty("by", out _));
        Assert.Equal(OpsCli.ClientNow.AddDays(2), body.RootElement.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal("sil-1", JsonDocument.Parse(output).RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("four hours")]
    [InlineData("PT0S")]
    [InlineData("-PT4H")]
    public async Task Silence_WithABadDuration_Exits2_AndSendsNothing(string duration)
    {
        var (exit, _, error) = await _cli.RunAsync("silence", "acme-churn", "--for", duration, "--reason", "x", "--url", Url, "--key", Key);

        Assert.Equal(OpsExitCodes.Usage, exit);
        Assert.Contains("--for", error, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task ConfirmOwnership_PostsNoteAndBy_ToTheSystemsOwnership()
    {
        var (exit, output, _) = await _cli.RunAsync("confirm-ownership", "acme-churn", "--note", "we run it now", "--by", "ops@acme.example", "--url", Url, "--key", Key);

        Assert.Equal(0, exit);
        var request = Assert.Single(_api.Requests);
        Assert.Equal(("POST", "/api/systems/acme-churn/ownership"), (request.Method, request.Path));
        Assert.Equal($"Bearer {Key}", request.Header("Authorization"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(("we run it now", "ops@acme.example"), (body.RootElement.GetProperty("note").GetString(), body.RootElement.GetProperty("by").GetString()));
        Assert.Contains("Ownership of acme-churn confirmed by ops@acme.example at 2026-12-01 13:23 UTC; next confirmation due 2027-03-01 13:23 UTC.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmOwnership_OfAnUnknownSystem_Exits1_WithTheProblemOnStderr()
    {
        var (exit, _, error) = await _cli.RunAsync("confirm-ownership", "nothing-here", "--url", Url, "--key", Key);

        Assert.Equal(OpsExitCodes.ApiError, exit);
        Assert.Contains("404 Not found.", error, StringComparison.Ordinal);
        Assert.Contains("System 'x' does not exist.", error, StringComparison.Ordinal);
    }
}
