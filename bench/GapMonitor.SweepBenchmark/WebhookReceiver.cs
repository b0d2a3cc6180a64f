using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GapMonitor.SweepBenchmark;

/// <summary>A loopback Kestrel endpoint that accepts every webhook with 204 and counts them.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StrongBox<int> _received;

    private WebhookReceiver(WebApplication app, Uri baseAddress, StrongBox<int> received)
    {
        _app = app;
        _received = received;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Received => Volatile.Read(ref _received.Value);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var received = new StrongBox<int>();
        app.MapPost("/hooks/{systemId}", () =>
        {
            Interlocked.Increment(ref received.Value);
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebhookReceiver(app, new Uri(address + "/"), received);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
