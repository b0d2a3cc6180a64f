using GapMonitor.Cli.Serve;
using GapMonitor.Testing;
using Microsoft.AspNetCore.Builder;

namespace GapMonitor.Functions.Tests.Support;

/// <summary>The standalone host (<c>gapmonitor serve</c>) as the Functions app is compared with: no local Azurite, no timers.</summary>
internal static class Standalone
{
    public static Task<WebApplication> BuildAsync(string connectionString, string? urls = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "gapmonitor-functions-tests", Guid.NewGuid().ToString("N"));
        return StandaloneHost.BuildAsync([], new StandaloneHostSettings(dataDirectory, dataDirectory)
        {
            Urls = urls,
            StartLocalStorage = false,
            RunSchedules = false,
            Overrides =
            {
                ["GapMonitor:Storage:ConnectionString"] = connectionString,
                ["GapMonitor:Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
            },
        });
    }
}
