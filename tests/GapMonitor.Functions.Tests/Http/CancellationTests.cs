using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Functions.Http;
using GapMonitor.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Functions.Tests.Http;

/// <summary>A trigger hands the worker's cancellation token to its handler: an invocation cancelled before it runs answers 499 and does no work.</summary>
public sealed class CancellationTests(FunctionServices functions) : IClassFixture<FunctionServices>
{
    private const string Registration = """
        {
          "id": "sys-cancelled",
          "name": "Churn model",
          "vendor": "acme-vendor",
          "customer": "acme",
          "model": { "name": "churn", "version": "1.4.0" },
          "handoverAt": "2026-11-26T00:00:00Z",
          "vendorGracePeriod": "P14D",
          "monitoring": { "heartbeatPeriod": "PT5M", "heartbeatGrace": "PT2M" },
          "acknowledgeWithin": "PT4H",
          "contacts": [{ "party": "customer", "email": "mlops@acme.example" }]
        }
        """;

    [Fact]
    public async Task RegisterSystem_WithACancelledToken_Answers499AndStoresNothing_WhileTheSameRequestUncancelledRegisters()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var store = functions.Provider.GetRequiredService<ISystemStore>();

        var aborted = await functions.InvokeAsync<RegisterSystem>((t, req) => t.RunAsync(req, cancelled.Token), "POST", FunctionServices.AdminKey, Registration);

        Assert.Equal(499, aborted.Status);
        Assert.Null(await store.GetAsync("sys-cancelled"));

        var registered = await functions.InvokeAsync<RegisterSystem>((t, req) => t.RunAsync(req, CancellationToken.None), "POST", FunctionServices.AdminKey, Registration);

        Assert.Equal(201, registered.Status);
        Assert.NotNull(await store.GetAsync("sys-cancelled"));
    }

    /// <summary>
    /// An ingest key makes authentication read its system from storage, the first thing every authenticated route does,
    /// and the health probe reads storage too: with the trigger's token cancelled, each stops there.
    /// </summary>
    [Fact]
    public async Task EveryApiTrigger_WithACancelledToken_Answers499()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ingestKey = ApiKeyFormat.NewIngestKey("sys-unknown");
        var routes = FunctionTriggers.Http.Where(f => f.Name != nameof(OpenApi)).ToList();

        var answers = new List<string>();
        foreach (var (name, method, trigger) in routes)
        {
            var response = await functions.InvokeAsync(
                method.DeclaringType!,
                (instance, request) => (Task<IResult>)method.Invoke(instance, [.. method.GetParameters().Select(p => Argument(p.ParameterType, request, cancelled.Token))])!,
                trigger.Methods![0].ToUpperInvariant(),
                ingestKey);
            answers.Add($"{name} {response.Status}");
        }

        Assert.NotEmpty(routes);
        Assert.Equal(routes.Select(r => $"{r.Name} 499"), answers);
    }

    private static object Argument(Type type, HttpRequest request, CancellationToken cancellationToken) =>
        type == typeof(HttpRequest) ? request
        : type == typeof(CancellationToken) ? cancellationToken
        : type == typeof(string) ? "sys-unknown"
        : throw new InvalidOperationException($"A trigger parameter of type {type} is not expected here.");
}
