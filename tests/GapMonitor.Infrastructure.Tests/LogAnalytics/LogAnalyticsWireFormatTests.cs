using System.Text.Json;
using GapMonitor.Infrastructure.LogAnalytics;
using GapMonitor.Testing.LogAnalytics;

namespace GapMonitor.Infrastructure.Tests.LogAnalytics;

/// <summary>
/// Contract tests: bodies in the shapes Microsoft documents for the Log Analytics query API (response format, errors,
/// Prefer options), read by the parser without any HTTP in between. If the service's documented shape changes, these change.
/// </summary>
public sealed class LogAnalyticsWireFormatTests
{
    private static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    /// <summary>The documented success shape: a <c>tables</c> array of name, columns (name, type) and rows.</summary>
    private const string SummarizedByCategory = """
        {
          "tables": [
            {
              "name": "PrimaryResult",
              "columns": [
                { "name": "OperationCategory", "type": "string" },
                { "name": "count_", "type": "long" }
              ],
              "rows": [
                [ "Write", 4123 ],
                [ "Delete", 87 ],
                [ "Action", 15 ]
              ]
            }
          ]
        }
        """;

    [Fact]
    public void ReadResult_DocumentedSuccessShape_ReadsColumnsAndRows()
    {
        var result = Read(SummarizedByCategory);

        Assert.Null(result.PartialError);
        Assert.Equal([new LogColumn("OperationCategory", "string"), new LogColumn("count_", "long")], result.PrimaryTable!.Columns);
        Assert.Equal([("Write", 4123L), ("Delete", 87L), ("Action", 15L)], result.Rows.Select(r => (r.GetString("OperationCategory")!, r.GetInt64("count_")!.Value)));
    }

    [Fact]
    public void ReadResult_DocumentedPartialErrorShape_KeepsRowsAndReadsTheErrorTree()
    {
        var result = Read(WireSamples.PartialFailure);

        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("PartialError", result.PartialError!.Code);
        Assert.Equal(["PartialError", "EngineError", "-2133196780"], result.PartialError.SelfAndDescendants().Select(e => e.Code));
    }

    [Fact]
    public void ReadResult_TruncationPartialError_IsRecognisedAsCut()
    {
        var body = $$"""{ "tables": [ { "name": "PrimaryResult", "columns": [], "rows": [] } ], "error": {{WireSamples.TruncatedPartialError(500000)}} }""";

        Assert.True(Read(body).PartialError!.IsResultTruncated);
    }

    [Fact]
    public void ReadError_DocumentedFailureShape_ReadsCodeMessageAndInnerErrors()
    {
        var error = LogQueryResponseReader.ReadError(BinaryData.FromString(WireSamples.BadQuery))!;

        Assert.Equal("BadArgumentError", error.Code);
        Assert.Equal("The request had some invalid properties", error.Message);
        Assert.Equal("SyntaxError", error.InnerError!.Code);
        Assert.Equal("SYN0002", error.Innermost!.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"message":"no error object"}""")]
    [InlineData("[]")]
    public void ReadError_WhenBodyHasNoErrorObject_ReturnsNull(string body)
    {
        Assert.Null(LogQueryResponseReader.ReadError(BinaryData.FromString(body)));
    }

    [Theory]
    [InlineData("""{"tables":[{"name":"PrimaryResult","columns":[{"name":"a","type":"string"}],"rows":[["x","y"]]}]}""", "2 cells for 1 columns")]
    [InlineData("""{"tables":[{"name":"PrimaryResult","rows":[]}]}""", "'columns'")]
    [InlineData("""{"error":{"code":"X","message":"Y"}}""", "'tables'")]
    public void ReadResult_WhenShapeIsBroken_ThrowsJsonExceptionSayingWhat(string body, string expected)
    {
        var error = Assert.Throws<JsonException>(() => Read(body));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timespan_IsAnIso8601IntervalOfUtcInstantsWithFullPrecision()
    {
        var from = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(1);

        Assert.Equal("2025-06-01T10:00:00.0000001Z/2025-06-02T10:00:00.0000001Z", LogAnalyticsQueryClient.Timespan(from, from.AddDays(1)));
    }

    [Fact]
    public void Cell_WhenValueDoesNotReadAsTheAskedType_ThrowsNamingColumnAndTable()
    {
        var row = Read(SummarizedByCategory).Rows[0];

        var error = Assert.Throws<FormatException>(() => row.GetDateTimeOffset("OperationCategory"));

        Assert.Contains("'OperationCategory' of table 'PrimaryResult'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("column", () => row.GetString("Missing"));
    }

    private static LogQueryResult Read(string body) => LogQueryResult.Parse(body, From, To);
}
