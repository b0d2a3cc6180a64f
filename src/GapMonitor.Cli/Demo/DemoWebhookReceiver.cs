using System.Collections.Concurrent;
using System.Text.Json;
using GapMonitor.Infrastructure.Webhooks;

namespace GapMonitor.Cli.Demo;

/// <summary>A local webhook receiver for the demo: verifies every Standard Webhooks signature and keeps a log.</summary>
internal sealed class DemoWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _logPath;

    private DemoWebhookReceiver(WebApplication app, string url, string logPath)
    {
        _app = app;
        Url = url;
        _logPath = logPath;
    }

    public string Url { get; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public static async Task<DemoWebhookReceiver> StartAsync(IReadOnlyDictionary<string, string> secretsByPath, string logPath, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var verifier = new StandardWebhookVerifier(TimeProvider.System);
        DemoWebhookReceiver? receiver = null;
        app.MapPost("/hooks/{name}", async (HttpContext http, string name) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var secret = secretsByPath.GetValueOrDefault(name);
            var result = secret is null
                ? WebhookVerificationResult.Invalid("unknown receiver")
                : verifier.Verify(secret, http.Request.Headers["webhook-id"], http.Request.Headers["webhook-timestamp"], http.Request.Headers["webhook-signature"], body);
            string? type = null, kind = null, system = null;
            Dictionary<string, string>? links = null;
            try
            {
                using var json = JsonDocument.Parse(body);
                type = json.RootElement.GetProperty("type").GetString();
                var data = json.RootElement.GetProperty("data");
                // Notices about a system (handover, silences, contact tests) have no alert.
                kind = data.TryGetProperty("alert", out var alert) ? alert.GetProperty("kind").GetString() : null;
                system = data.GetProperty("system").GetProperty("id").GetString();
                links = data.TryGetProperty("links", out var found) && found.ValueKind == JsonValueKind.Object
                    ? found.EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
                    : null;
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                type = "(unreadable body)";
            }

            var entry = new ReceivedWebhook(TimeProvider.System.GetUtcNow(), name, http.Request.Headers["webhook-id"].ToString(), type, kind, system, result.IsValid, result.Failure, links);
            receiver!.Received.Enqueue(entry);
            await File.AppendAllTextAsync(receiver._logPath, JsonSerializer.Serialize(entry) + Environment.NewLine, http.RequestAborted);
            return result.IsValid ? Results.NoContent() : Results.Unauthorized();
        });
        await app.StartAsync(cancellationToken);
        var url = app.Urls.First();
        receiver = new DemoWebhookReceiver(app, url, logPath);
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
