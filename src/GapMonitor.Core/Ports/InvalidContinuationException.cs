namespace GapMonitor.Core.Ports;

/// <summary>A continuation that no store of this list produced (altered, or from another list); the API answers 400 naming <c>cursor</c>.</summary>
public sealed class InvalidContinuationException : Exception
{
    public InvalidContinuationException()
    {
    }

    public InvalidContinuationException(string message)
        : base(message)
    {
    }

    public InvalidContinuationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
