using GapMonitor.Core.Sweeping.Shards;
using Microsoft.Extensions.Configuration;

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

    /// <summary>
    /// The queue service for the sweep's fan-out (with managed identity); without it the sweep runs in one process.
    /// Unset, <c>GapMonitorStorage:queueServiceUri</c> (the queue trigger's connection) stands for it.
    /// </summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>
    /// The sweep's queue (<c>GapMonitor:Storage:SweepQueue</c>, or the flat <c>GapMonitorSweepQueue</c> the Functions queue
    /// trigger reads); unset, it is <c>sweep-shards</c> after <see cref="TablePrefix"/> in lower case.
    /// </summary>
    public string? SweepQueue { get; set; }

    public string SweepQueueName => !string.IsNullOrWhiteSpace(SweepQueue)
        ? SweepQueue
        : TablePrefix.Length == 0 ? SweepQueueNames.Default : $"{TablePrefix.ToLowerInvariant()}-{SweepQueueNames.Default}";

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

    /// <summary>The section bound, with the Functions queue trigger's flat settings as aliases (<see cref="ApplyAliases"/>).</summary>
    public static StorageOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<StorageOptions>() ?? new StorageOptions();
        options.ApplyAliases(configuration);
        return options;
    }

    /// <summary>
    /// Fills <see cref="QueueServiceUri"/> and <see cref="SweepQueue"/> from the queue trigger's flat app settings when the
    /// section leaves them unset, so the worker enqueues where the trigger reads.
    /// </summary>
    /// <exception cref="InvalidOperationException">Both name a value and the values differ.</exception>
    public void ApplyAliases(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var queueServiceKey = SweepQueueNames.ConnectionSetting + ":queueServiceUri";
        if (configuration[queueServiceKey] is { Length: > 0 } uri)
        {
            var aliased = new Uri(uri, UriKind.Absolute);
            QueueServiceUri ??= aliased;
            Agree(QueueServiceUri == aliased, Section + ":QueueServiceUri", queueServiceKey);
        }

        if (configuration[SweepQueueNames.QueueSetting] is { Length: > 0 } queue)
        {
            SweepQueue = string.IsNullOrWhiteSpace(SweepQueue) ? queue : SweepQueue;
            Agree(string.Equals(SweepQueue, queue, StringComparison.Ordinal), Section + ":SweepQueue", SweepQueueNames.QueueSetting);
        }

        static void Agree(bool same, string key, string alias)
        {
            if (!same)
            {
                throw new InvalidOperationException($"{key} and {alias} name different queues; set one of them (or both to the same value).");
            }
        }
    }
}
