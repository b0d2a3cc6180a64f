using GapMonitor.Infrastructure.Storage.Local;

namespace GapMonitor.Api.Tests.Hosting;

/// <summary>
/// Azurite for the tests: the instance ./test.sh started (GAPMONITOR_TEST_STORAGE), or one started here from the repository's
/// pinned copy. Each test host gets its own table prefix, so tests never see each other's rows.
/// </summary>
internal static class TestStorage
{
    private static readonly Lazy<Task<string>> Connection = new(StartAsync);

    public static Task<string> ConnectionStringAsync() => Connection.Value;

    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GapMonitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("GAPMONITOR_TEST_STORAGE") is { Length: > 0 } configured)
        {
            return configured;
        }

        // Lives for the whole test run; the process exit stops it.
        var azurite = await LocalAzurite.StartAsync(RepositoryRoot(), Path.Combine(Path.GetTempPath(), "gapmonitor-api-tests-" + Guid.NewGuid().ToString("N")));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite.ConnectionString;
    }
}
