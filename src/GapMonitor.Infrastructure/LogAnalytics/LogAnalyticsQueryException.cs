using Azure;

namespace GapMonitor.Infrastructure.LogAnalytics;

/// <summary>
/// The Log Analytics API refused or failed a query (after the pipeline's retries), or a result stayed truncated
/// down to the minimum split span. <see cref="RequestFailedException.Status"/> and
/// <see cref="RequestFailedException.ErrorCode"/> come from the answer; <see cref="Error"/> holds the whole error object.
/// The message never contains request headers, so never the bearer token.
/// </summary>
public sealed class LogAnalyticsQueryException : RequestFailedException
{
    public LogAnalyticsQueryException(int status, LogQueryError? error, string message)
        : base(status, message, error?.Code, null)
    {
        Error = error;
    }

    public LogQueryError? Error { get; }

    /// <summary>The service's message (<c>error.message</c>), or empty when the answer carried no error object.</summary>
    public string ErrorMessage => Error?.Message ?? string.Empty;

    /// <summary>The code of the innermost <c>innererror</c> (e.g. <c>SyntaxError</c>), if any.</summary>
    public string? InnermostErrorCode => Error?.Innermost?.Code;
}
