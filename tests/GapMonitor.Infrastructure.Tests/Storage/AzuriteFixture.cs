using Azure.Data.Tables;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Storage.Local;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>
/// Real Azurite for the storage tests: the one <c>./test.sh</c> started (its connection string in
/// <c>GAPMONITOR_TEST_STORAGE</c>), or, when that is unset, one started here from the repository's pinned copy
/// (needs <c>npm ci</c> in the repository root) and stopped when the tests end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "GAPMONITOR_TEST_STORAGE";

    private LocalAzurite? _azurite;
    private string? _dataDirectory;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        _dataDirectory = Path.Combine(Path.GetTempPath(), "gapmonitor-tests-" + Guid.NewGuid().ToString("N"));
        _azurite = await LocalAzurite.StartAsync(RepositoryRoot(), _dataDirectory);
        ConnectionString = _azurite.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>A table prefix of letters and digits, unique to one test, so tests never see each other's rows.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Tables under <paramref name="prefix"/>, created; every call builds its own client, as a separate host would.</summary>
    public async Task<StorageTables> CreateTablesAsync(string prefix)
    {
        var tables = new StorageTables(new TableServiceClient(ConnectionString), Options.Create(new StorageOptions { TablePrefix = prefix }));
        await tables.EnsureCreatedAsync();
        return tables;
    }

    public static async Task DeleteTablesAsync(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        foreach (var table in new[] { tables.Systems, tables.History, tables.ApiKeys, tables.Idempotency, tables.Archive })
        {
            await table.DeleteAsync();
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GapMonitor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GapMonitor.sln above {AppContext.BaseDirectory}; set {EnvironmentVariable} instead.");
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
