using Azure.Data.Tables;
using Azure.Storage.Blobs;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Storage.Local;
using Microsoft.Extensions.Options;

namespace GapMonitor.Testing;

/// <summary>
/// The one Azurite every test process uses: the instance <c>./test.sh</c> started (its connection string in
/// <see cref="EnvironmentVariable"/>), or, when that is unset, one started on first use from the repository's pinned
/// copy (needs <c>npm ci</c> in the repository root) and stopped when the process exits. Tests keep apart by a table
/// (and container) prefix of their own, and delete what they created under it.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "GAPMONITOR_TEST_STORAGE";

    private static readonly Lazy<Task<string>> Shared = new(ConnectAsync);

    public string ConnectionString { get; private set; } = "";

    /// <summary>The connection string of the shared Azurite, for tests that do not take the fixture (static hosts and helpers).</summary>
    public static Task<string> ConnectionStringAsync() => Shared.Value;

    public async Task InitializeAsync() => ConnectionString = await ConnectionStringAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A table and container prefix of letters and digits, unique to one test, so tests never see each other's data.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Tables under <paramref name="prefix"/>, created; every call builds its own client, as a separate host would.</summary>
    public async Task<StorageTables> CreateTablesAsync(string prefix)
    {
        var tables = new StorageTables(new TableServiceClient(ConnectionString), Options.Create(new StorageOptions { TablePrefix = prefix }));
        await tables.EnsureCreatedAsync();
        return tables;
    }

    /// <summary>An empty blob container of its own, created.</summary>
    public static async Task<BlobContainerClient> NewContainerAsync(BlobClientOptions? options = null)
    {
        var container = new BlobContainerClient(await ConnectionStringAsync(), "c" + Guid.NewGuid().ToString("N"), options);
        await container.CreateAsync();
        return container;
    }

    /// <summary>Deletes every table and blob container whose name starts with <paramref name="prefix"/>: all the product creates under it.</summary>
    public static async Task DeleteStorageAsync(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var connection = await ConnectionStringAsync();
        var tables = new TableServiceClient(connection);
        // Table names are letters and digits, so every name starting with the prefix sorts below prefix + "{".
        await foreach (var table in tables.QueryAsync(filter: $"TableName ge '{prefix}' and TableName lt '{prefix}{{'"))
        {
            await tables.DeleteTableAsync(table.Name);
        }

        var blobs = new BlobServiceClient(connection);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix))
        {
            await blobs.DeleteBlobContainerAsync(container.Name);
        }

        // The sweep queues are named after the prefix in lower case (queue names allow no capitals).
        if (connection.Contains("QueueEndpoint=", StringComparison.OrdinalIgnoreCase))
        {
            var queues = new Azure.Storage.Queues.QueueServiceClient(connection);
            await foreach (var queue in queues.GetQueuesAsync(prefix: prefix.ToLowerInvariant()))
            {
                await queues.DeleteQueueAsync(queue.Name);
            }
        }
    }

    private static async Task<string> ConnectAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var dataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gapmonitor-tests-" + Guid.NewGuid().ToString("N"));
        var azurite = await LocalAzurite.StartAsync(RepositoryRoot.Path, dataDirectory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        };
        return azurite.ConnectionString;
    }
}
