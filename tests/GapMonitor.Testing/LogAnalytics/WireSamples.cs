using System.Globalization;

namespace GapMonitor.Testing.LogAnalytics;

/// <summary>
/// Bodies written for these tests in the shapes the Log Analytics API documents (response format and errors pages):
/// not copies of the documentation's examples.
/// </summary>
public static class WireSamples
{
    /// <summary>A success with one table of every column type, and a row of nulls.</summary>
    public const string AllTypes = """
        {
          "tables": [
            {
              "name": "PrimaryResult",
              "columns": [
                { "name": "TimeGenerated", "type": "datetime" },
                { "name": "Computer", "type": "string" },
                { "name": "RequestCount", "type": "long" },
                { "name": "Replicas", "type": "int" },
                { "name": "Latency", "type": "real" },
                { "name": "Healthy", "type": "bool" },
                { "name": "Properties", "type": "dynamic" },
                { "name": "CorrelationId", "type": "guid" },
                { "name": "Duration", "type": "timespan" },
                { "name": "Cost", "type": "decimal" }
              ],
              "rows": [
                [ "2025-03-04T05:06:07.1234567Z", "scorer-01", 9007199254740993, 3, 12.5, true,
                  "{\"model\":\"churn\",\"version\":7,\"tags\":[\"a\",\"b\"]}", "5c4d7b3e-2f1a-4c8e-9b6d-0a1e2f3c4d5e",
                  "1.02:03:04.5000000", "19.99" ],
                [ "2025-03-04T05:06:08Z", "", -1, 0, "NaN", false, "plain text", "5c4d7b3e-2f1a-4c8e-9b6d-0a1e2f3c4d5f",
                  "-00:00:30", "0" ],
                [ null, null, null, null, null, null, null, null, null, null ]
              ]
            }
          ]
        }
        """;

    /// <summary>A 200 whose query hit a non-fatal failure: rows and an <c>error</c> with code <c>PartialError</c>.</summary>
    public const string PartialFailure = """
        {
          "tables": [
            {
              "name": "PrimaryResult",
              "columns": [ { "name": "TimeGenerated", "type": "datetime" }, { "name": "Status", "type": "string" } ],
              "rows": [ [ "2025-03-04T05:00:00Z", "ok" ], [ "2025-03-04T05:05:00Z", "fail" ] ]
            }
          ],
          "error": {
            "code": "PartialError",
            "message": "There were some errors when processing your query.",
            "details": [
              {
                "code": "EngineError",
                "message": "Something went wrong processing your query on the server.",
                "innererror": { "code": "-2133196780", "message": "One of the clusters did not answer in time.", "severity": 2, "severityName": "Error" }
              }
            ]
          }
        }
        """;

    /// <summary>A 400 for a query the service cannot parse.</summary>
    public const string BadQuery = """
        {
          "error": {
            "code": "BadArgumentError",
            "message": "The request had some invalid properties",
            "innererror": {
              "code": "SyntaxError",
              "message": "A recognition error occurred in the query.",
              "innererror": { "code": "SYN0002", "message": "Query could not be parsed at 'whre' on line [2,2]" }
            }
          }
        }
        """;

    /// <summary>The partial error of a result cut at the service's row limit.</summary>
    public static string TruncatedPartialError(int limit) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "code": "PartialError",
          "message": "There were some errors when processing your query.",
          "details": [
            {
              "code": "EngineError",
              "message": "Something went wrong processing your query on the server.",
              "innererror": {
                "code": "-2133196797",
                "message": "Query result set has exceeded the internal record count limit {{limit}} (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)",
                "severity": 2,
                "severityName": "Error"
              }
            }
          ]
        }
        """);
}
