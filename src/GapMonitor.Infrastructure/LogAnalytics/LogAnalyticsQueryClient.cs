using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GapMonitor.Infrastructure.LogAnalytics;

/// <summary>
/// Runs KQL queries against a Log Analytics workspace through the query API
/// (<c>POST {endpoint}/v1/workspaces/{workspaceId}/query</c>) on an Azure.Core pipeline: bearer token from the
/// credential, retries with backoff that honour <c>Retry-After</c> (see <see cref="LogAnalyticsClientOptions"/>).
/// </summary>
public class LogAnalyticsQueryClient
{
    private static readonly TimeSpan NetworkTimeoutMargin = TimeSpan.FromSeconds(30);
    private readonly HttpPipeline _pipeline = null!;
    private readonly Uri _endpoint = null!;
    private readonly string _prefer = null!;
    private readonly TimeSpan _networkTimeout;
    private readonly int _rowCap;
    private readonly TimeSpan _minimumSplitSpan;
    private readonly string _timeColumn = null!;

    /// <summary>Queries <see cref="LogAnalyticsClientOptions.Endpoint"/>.</summary>
    public LogAnalyticsQueryClient(TokenCredential credential, LogAnalyticsClientOptions? options = null)
        : this((options ?? new LogAnalyticsClientOptions()).Endpoint, credential, options)
    {
    }

    public LogAnalyticsQueryClient(Uri endpoint, TokenCredential credential, LogAnalyticsClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("The Log Analytics endpoint must be an absolute https URI.", nameof(endpoint));
        }

        options ??= new LogAnalyticsClientOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowCap, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MinimumSplitSpan, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ServerTimeout, TimeSpan.FromSeconds(1), nameof(options));

        _endpoint = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        _pipeline = HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(credential, options.Scope));
        _prefer = string.Create(CultureInfo.InvariantCulture, $"wait={(int)options.ServerTimeout.TotalSeconds},include-statistics=false");
        _networkTimeout = options.ServerTimeout + NetworkTimeoutMargin;
        _rowCap = options.RowCap;
        _minimumSplitSpan = options.MinimumSplitSpan;
        _timeColumn = options.TimeColumn;
    }

    /// <summary>For mocking.</summary>
    protected LogAnalyticsQueryClient()
    {
    }

    /// <summary>
    /// Runs <paramref name="query"/> over [<paramref name="from"/>, <paramref name="to"/>]. A partial result (200 with an
    /// <c>error</c>) is returned with its rows and <see cref="LogQueryResult.PartialError"/>; a failure status that
    /// outlasts the retries throws <see cref="LogAnalyticsQueryException"/>.
    /// </summary>
    /// <param name="workspaceId">The workspace (customer) id, a GUID; anything else is refused.</param>
    public virtual async Task<LogQueryResult> QueryAsync(string workspaceId, string query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var workspace = ParseWorkspaceId(workspaceId);
        ValidateQuery(query, from, to);

        using var message = CreateMessage(workspace, query, from, to);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.IsError)
        {
            throw await FailureAsync(response, cancellationToken);
        }

        try
        {
            var root = await JsonSerializer.DeserializeAsync<JsonElement>(response.ContentStream ?? Stream.Null, cancellationToken: cancellationToken);
            return LogQueryResponseReader.ReadResult(root, from, to);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new LogAnalyticsQueryException(response.Status, null, $"The Log Analytics response is not in the documented format: {ex.Message}");
        }
    }

    /// <summary>
    /// Runs <paramref name="query"/> over [<paramref name="from"/>, <paramref name="to"/>] and yields one result per time
    /// slice, in time order. A slice whose result was cut at the service's limits (partial error
    /// <c>E_QUERY_RESULT_SET_TOO_LARGE</c>, or <see cref="LogAnalyticsClientOptions.RowCap"/> rows) is split in half
    /// and both halves are queried, down to <see cref="LogAnalyticsClientOptions.MinimumSplitSpan"/>; below that it
    /// throws <see cref="LogAnalyticsQueryException"/>. Rows lying exactly on a split point are returned once, with the later half.
    /// Rows keep the query's own order within a slice, so queries should end with <c>order by TimeGenerated asc</c>.
    /// </summary>
    public virtual IAsyncEnumerable<LogQueryResult> QueryAllAsync(string workspaceId, string query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ParseWorkspaceId(workspaceId);
        ValidateQuery(query, from, to);
        return QuerySlicesAsync(workspaceId, query, from, to, cancellationToken);
    }

    private async IAsyncEnumerable<LogQueryResult> QuerySlicesAsync(string workspaceId, string query, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new Stack<(DateTimeOffset From, DateTimeOffset To)>();
        pending.Push((from, to));
        while (pending.TryPop(out var slice))
        {
            var result = await QueryAsync(workspaceId, query, slice.From, slice.To, cancellationToken);
            if (IsTruncated(result))
            {
                if (slice.To - slice.From <= _minimumSplitSpan)
                {
                    throw new LogAnalyticsQueryException(200, result.PartialError, string.Create(CultureInfo.InvariantCulture,
                        $"The query result from {slice.From:o} to {slice.To:o} is still cut at the service's limits ({_rowCap} rows or 64 MB) "
                        + $"although the range is no longer than {_minimumSplitSpan}; project fewer columns or summarize."));
                }

                var middle = slice.From + TimeSpan.FromTicks((slice.To - slice.From).Ticks / 2);
                pending.Push((middle, slice.To));
                pending.Push((slice.From, middle));
                continue;
            }

            yield return slice.To == to ? result : WithoutRowsFrom(result, slice.To);
        }
    }

    private bool IsTruncated(LogQueryResult result) =>
        result.PartialError?.IsResultTruncated == true || result.Tables.Any(table => table.Rows.Count >= _rowCap);

    /// <summary>Drops rows at or after a split point: the later half returns them, whether or not the service's range includes its end.</summary>
    private LogQueryResult WithoutRowsFrom(LogQueryResult result, DateTimeOffset splitPoint)
    {
        var tables = result.Tables
            .Select(table => table.IndexOf(_timeColumn) < 0 ? table : table.Where(row => !(row.GetDateTimeOffset(_timeColumn) >= splitPoint)))
            .ToArray();
        return new LogQueryResult(tables, result.PartialError, result.From, result.To);
    }

    private HttpMessage CreateMessage(Guid workspace, string query, DateTimeOffset from, DateTimeOffset to)
    {
        var message = _pipeline.CreateMessage();
        message.BufferResponse = false;
        message.NetworkTimeout = _networkTimeout;
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(new Uri(_endpoint, string.Create(CultureInfo.InvariantCulture, $"v1/workspaces/{workspace:D}/query")));
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        request.Headers.SetValue("Prefer", _prefer);
        request.Content = RequestContent.Create(RequestBody(query, from, to));
        return message;
    }

    private static byte[] RequestBody(string query, DateTimeOffset from, DateTimeOffset to)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query", query);
            writer.WriteString("timespan", Timespan(from, to));
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>An ISO 8601 interval of two UTC instants with 100 ns precision, e.g. <c>2024-05-01T00:00:00.0000000Z/2024-05-01T01:00:00.0000000Z</c>.</summary>
    internal static string Timespan(DateTimeOffset from, DateTimeOffset to) =>
        string.Create(CultureInfo.InvariantCulture, $"{from.UtcDateTime:o}/{to.UtcDateTime:o}");

    private static async Task<LogAnalyticsQueryException> FailureAsync(Response response, CancellationToken cancellationToken)
    {
        var body = response.ContentStream is { } stream ? await BinaryData.FromStreamAsync(stream, cancellationToken) : null;
        var error = LogQueryResponseReader.ReadError(body);
        var reason = error is null
            ? $"HTTP {response.Status} {response.ReasonPhrase}".TrimEnd()
            : $"HTTP {response.Status} {error.Code}: {error.Message}";
        var innermost = error?.Innermost;
        return new LogAnalyticsQueryException(response.Status, error, $"The Log Analytics query failed with {reason}"
            + (innermost is null ? "." : $" ({innermost.Code}: {innermost.Message})."));
    }

    private static Guid ParseWorkspaceId(string workspaceId) =>
        Guid.TryParseExact(workspaceId, "D", out var id)
            ? id
            : throw new ArgumentException("The workspace id must be a GUID in the form 00000000-0000-0000-0000-000000000000.", nameof(workspaceId));

    private static void ValidateQuery(string query, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        if (to <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The end of the time range must be after its start.");
        }
    }
}
