using Azure.Storage.Blobs;
using GapMonitor.Infrastructure.Storage.Local;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

/// <summary>
/// Azurite for these tests: the instance ./test.sh started (GAPMONITOR_TEST_STORAGE), or one started here from the
/// repository's pinned copy. Every test gets its own container.
/// </summary>
internal static class InferenceLogStorage
{
    private static readonly Lazy<Task<string>> Connection = new(StartAsync);

    public static Task<string> ConnectionStringAsync() => Connection.Value;

    public static async Task<BlobContainerClient> NewContainerAsync(BlobClientOptions? options = null)
    {
        var container = new BlobContainerClient(await ConnectionStringAsync(), "il" + Guid.NewGuid().ToString("N"), options);
        await container.CreateAsync();
        return container;
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("GAPMONITOR_TEST_STORAGE") is { Length: > 0 } configured)
        {
            return configured;
        }

        var azurite = await LocalAzurite.StartAsync(
            RepositoryRoot(), Path.Combine(Path.GetTempPath(), "gapmonitor-inferencelog-tests-" + Guid.NewGuid().ToString("N")));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite.ConnectionString;
    }

    private static string RepositoryRoot()
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
}
