namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// Section <c>GapMonitor:Storage</c>. Either a connection string (Azurite, or an account with shared keys) or service URIs
/// used with managed identity (<c>DefaultAzureCredential</c>). When neither is set, the hosts start Azurite locally.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "GapMonitor:Storage";

    public string? ConnectionString { get; set; }
    public Uri? TableServiceUri { get; set; }
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The queue service for the sweep's fan-out (with managed identity); without it the sweep runs in one process.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>
    /// The sweep's queue (<c>GapMonitor:Storage:SweepQueue</c>, which the Functions queue trigger reads too); unset, it is
    /// <c>sweep-shards</c> after <see cref="TablePrefix"/> in lower case.
    /// </summary>
    public string? SweepQueue { get; set; }

    public string SweepQueueName => !string.IsNullOrWhiteSpace(SweepQueue)
        ? SweepQueue
        : TablePrefix.Length == 0 ? Core.Sweeping.Shards.SweepQueueNames.Default : $"{TablePrefix.ToLowerInvariant()}-{Core.Sweeping.Shards.SweepQueueNames.Default}";

    /// <summary>
    /// Whether a queue service can be reached: a <see cref="QueueServiceUri"/>, or a connection string that names a queue
    /// endpoint or derives all endpoints from the account (an Azurite string listing only blob and table endpoints has none).
    /// </summary>
    public bool HasQueueService => QueueServiceUri is not null || (!string.IsNullOrWhiteSpace(ConnectionString)
        && (ConnectionString.Contains("QueueEndpoint=", StringComparison.OrdinalIgnoreCase)
            || !(ConnectionString.Contains("TableEndpoint=", StringComparison.OrdinalIgnoreCase) || ConnectionString.Contains("BlobEndpoint=", StringComparison.OrdinalIgnoreCase))));

    /// <summary>Client id of a user-assigned managed identity, when the host has several.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prepended to every table name (letters and digits only); lets several instances or test runs share an account.</summary>
    public string TablePrefix { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || TableServiceUri is not null;
}
