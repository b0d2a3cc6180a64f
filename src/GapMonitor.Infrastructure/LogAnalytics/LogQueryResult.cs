using System.Text.Json;

namespace GapMonitor.Infrastructure.LogAnalytics;

/// <summary>
/// The answer to one query over one time range. A 200 answer that also carries an <c>error</c> object is a
/// partial result: its rows are kept and the error is in <see cref="PartialError"/>.
/// </summary>
public sealed class LogQueryResult(IReadOnlyList<LogTable> tables, LogQueryError? partialError, DateTimeOffset from, DateTimeOffset to)
{
    public IReadOnlyList<LogTable> Tables { get; } = tables;

    /// <summary>The <c>PrimaryResult</c> table (the first table when none has that name); null when there are no tables.</summary>
    public LogTable? PrimaryTable { get; } = tables.FirstOrDefault(t => t.Name == "PrimaryResult") ?? tables.FirstOrDefault();

    /// <summary>The rows of <see cref="PrimaryTable"/>.</summary>
    public IReadOnlyList<LogRow> Rows => PrimaryTable?.Rows ?? [];

    /// <summary>The error of a partial (200) result, usually with code <c>PartialError</c> and the reasons in its details.</summary>
    public LogQueryError? PartialError { get; } = partialError;

    /// <summary>The start of the queried time range.</summary>
    public DateTimeOffset From { get; } = from;

    /// <summary>The end of the queried time range.</summary>
    public DateTimeOffset To { get; } = to;

    /// <summary>Reads a response body in the API's documented format (e.g. to fake the client in a consumer's tests).</summary>
    /// <exception cref="JsonException">The body is not JSON or not in that format.</exception>
    public static LogQueryResult Parse(string json, DateTimeOffset from, DateTimeOffset to) =>
        LogQueryResponseReader.ReadResult(JsonSerializer.Deserialize<JsonElement>(json), from, to);
}
