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

    /// <summary>Client id of a user-assigned managed identity, when the host has several.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prepended to every table name (letters and digits only); lets several instances or test runs share an account.</summary>
    public string TablePrefix { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || TableServiceUri is not null;
}
