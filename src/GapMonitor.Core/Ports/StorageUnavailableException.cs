namespace GapMonitor.Core.Ports;

/// <summary>
/// The service's own storage could not be reached, or failed on its side, after the storage client's retries.
/// Nothing in the request was written by the failed call; the caller may retry later.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
