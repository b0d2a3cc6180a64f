using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Core.Pipeline;
using GapMonitor.Infrastructure.LogAnalytics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Testing.LogAnalytics;

/// <summary>
/// A stand-in for the Log Analytics query API: Kestrel on a loopback port with a throwaway self-signed certificate
/// (the client's bearer-token policy refuses plain HTTP). It records each request, then answers with <see cref="Responder"/>.
/// </summary>
public sealed class FakeLogAnalyticsService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly List<ReceivedQuery> _requests = [];

    private FakeLogAnalyticsService(WebApplication app, X509Certificate2 certificate, Uri endpoint)
    {
        _app = app;
        _certificate = certificate;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public Func<ReceivedQuery, QueryReply> Responder { get; set; } = _ => new QueryReply(200, """{"tables":[]}""");

    public IReadOnlyList<ReceivedQuery> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeLogAnalyticsService> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        FakeLogAnalyticsService? service = null;
        app.Run(context => service!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        service = new FakeLogAnalyticsService(app, certificate, new Uri(address));
        return service;
    }

    /// <summary>Client options whose transport trusts this service's certificate (and no other), with fast retries.</summary>
    public LogAnalyticsClientOptions ClientOptions(Action<LogAnalyticsClientOptions>? configure = null)
    {
        var thumbprint = _certificate.Thumbprint;
        var options = new LogAnalyticsClientOptions
        {
            Transport = new HttpClientTransport(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
            }),
        };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        ReceivedQuery received;
        lock (_gate)
        {
            received = new ReceivedQuery(
                _requests.Count + 1,
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body,
                _clock.Elapsed);
            _requests.Add(received);
        }

        var reply = Responder(received);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Body);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
