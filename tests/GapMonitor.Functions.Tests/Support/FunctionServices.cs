using System.Text;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Functions.Tests.Support;

/// <summary>The Functions app's services (as Program.cs registers them) on Azurite, and a way to call a trigger like the worker does.</summary>
public sealed class FunctionServices : IAsyncLifetime
{
    public const string AdminKey = "functions-test-admin-key-0123456789";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "gapmonitor-functions-tests", Guid.NewGuid().ToString("N"));
    private readonly string _tablePrefix = AzuriteFixture.NewTablePrefix();
    private ServiceProvider? _provider;

    public IServiceProvider Provider => _provider ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GapMonitor:AdminApiKey"] = AdminKey,
            ["GapMonitor:Storage:ConnectionString"] = await AzuriteFixture.ConnectionStringAsync(),
            ["GapMonitor:Storage:TablePrefix"] = _tablePrefix,
            // Set explicitly, as local.settings.sample.json does: the Functions app has no default email delivery.
            ["GapMonitor:Email:PickupDirectory"] = Path.Combine(_dataDirectory, "mail"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddGapMonitorFunctions(configuration, _dataDirectory);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await _provider.GetRequiredService<StorageTables>().EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        await AzuriteFixture.DeleteStorageAsync(_tablePrefix);

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>Creates the trigger class from DI, runs it on a fresh request and executes the returned <see cref="IResult"/> as the worker's HTTP proxying middleware does.</summary>
    public Task<TriggerResponse> InvokeAsync<TTrigger>(Func<TTrigger, HttpRequest, Task<IResult>> run, string method, string? apiKey = null, string? jsonBody = null)
        where TTrigger : class
    {
        ArgumentNullException.ThrowIfNull(run);
        return InvokeAsync(typeof(TTrigger), (trigger, request) => run((TTrigger)trigger, request), method, apiKey, jsonBody);
    }

    /// <inheritdoc cref="InvokeAsync{TTrigger}"/>
    public async Task<TriggerResponse> InvokeAsync(Type triggerType, Func<object, HttpRequest, Task<IResult>> run, string method, string? apiKey = null, string? jsonBody = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var http = new DefaultHttpContext { RequestServices = Provider };
        http.Request.Method = method;
        http.Response.Body = new MemoryStream();
        if (apiKey is not null)
        {
            http.Request.Headers.Authorization = "Bearer " + apiKey;
        }

        if (jsonBody is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(jsonBody);
            http.Request.ContentType = "application/json";
            http.Request.ContentLength = bytes.Length;
            http.Request.Body = new MemoryStream(bytes);
        }

        var trigger = ActivatorUtilities.CreateInstance(Provider, triggerType);
        var result = await run(trigger, http.Request);
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        using var reader = new StreamReader(http.Response.Body);
        return new TriggerResponse(http.Response.StatusCode, http.Response.ContentType, await reader.ReadToEndAsync());
    }
}
