namespace GapMonitor.Core.Concurrency;

/// <summary>Somebody else changed the same row first (ETag mismatch or an insert that already exists).</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
