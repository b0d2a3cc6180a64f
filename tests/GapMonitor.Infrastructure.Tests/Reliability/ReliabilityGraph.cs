using System.Net;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using GapMonitor.Core;
using GapMonitor.Infrastructure.Delivery;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Reliability;

/// <summary>
/// The service as a host wires it — core, Table Storage stores, the real webhook and SMTP senders — over a storage
/// connection string of the test's choosing (e.g. through a <see cref="CuttableTcpProxy"/>).
/// </summary>
internal static partial class ReliabilityGraph
{
    /// <param name="configure">Runs last: its registrations replace the defaults (e.g. action link settings).</param>
    public static async Task<ServiceProvider> BuildAsync(string connectionString, string tablePrefix, TimeProvider time, int? smtpPort = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?> { ["GapMonitor:Webhooks:AllowPrivateNetworks"] = "true" };
        if (smtpPort is { } port)
        {
            settings["GapMonitor:Email:Smtp:Host"] = "127.0.0.1";
            settings["GapMonitor:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["GapMonitor:Email:Smtp:SecureSocket"] = "None";
            settings["GapMonitor:Email:Smtp:From"] = "alerts@gapmonitor.example";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(time);
        services.AddGapMonitorCore();
        services.AddGapMonitorDelivery(Path.Combine(Path.GetTempPath(), "gapmonitor-unused-pickup"));

        // The SDK's default retry policy, with short real-time delays so that 20 cuts do not cost a minute.
        var options = new TableClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(20);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
        options.Retry.Mode = RetryMode.Exponential;
        services.AddSingleton(new TableServiceClient(connectionString, options));
        services.AddSingleton(new BlobServiceClient(connectionString));
        services.AddSingleton(Options.Create(new StorageOptions { TablePrefix = tablePrefix }));
        services.AddSingleton(Options.Create(new RetentionOptions()));
        services.AddGapMonitorStores();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<StorageTables>().EnsureCreatedAsync();
        return provider;
    }

    /// <summary>The table endpoint of an Azurite connection string.</summary>
    public static IPEndPoint TableEndpoint(string connectionString)
    {
        var match = TableEndpointPattern().Match(connectionString);
        Assert.True(match.Success, "The test storage connection string must name its TableEndpoint as http://127.0.0.1:<port>/…");
        return new IPEndPoint(IPAddress.Parse(match.Groups["host"].Value), int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The same connection string with its table endpoint moved to <paramref name="port"/> on loopback.</summary>
    public static string WithTablePort(string connectionString, int port) =>
        TableEndpointPattern().Replace(connectionString, m => $"TableEndpoint=http://127.0.0.1:{port}/");

    [GeneratedRegex(@"TableEndpoint=http://(?<host>127\.0\.0\.1):(?<port>\d+)/")]
    private static partial Regex TableEndpointPattern();
}
