using System.Globalization;
using System.Text.Json.Nodes;

namespace GapMonitor.Testing.LogAnalytics;

/// <summary>
/// Answers queries like the service over a fixed set of events: it reads the request's <c>timespan</c>, keeps the events
/// inside it (both ends included, the less convenient reading for a client that splits ranges), orders them by time and,
/// past <see cref="ServerRowLimit"/> rows, cuts the result and adds the service's partial error.
/// </summary>
public sealed class FakeWorkspaceData(IEnumerable<(DateTimeOffset At, string Value)> events)
{
    private readonly (DateTimeOffset At, string Value)[] _events = [.. events.OrderBy(e => e.At)];

    public int ServerRowLimit { get; init; } = int.MaxValue;

    public static (DateTimeOffset From, DateTimeOffset To) TimespanOf(string requestBody)
    {
        var timespan = JsonNode.Parse(requestBody)!["timespan"]!.GetValue<string>().Split('/');
        return (Parse(timespan[0]), Parse(timespan[1]));
    }

    public QueryReply Answer(ReceivedQuery request)
    {
        var (from, to) = TimespanOf(request.Body);
        var inRange = _events.Where(e => e.At >= from && e.At <= to).ToArray();
        var returned = inRange.Take(ServerRowLimit).ToArray();
        var response = new JsonObject
        {
            ["tables"] = new JsonArray(new JsonObject
            {
                ["name"] = "PrimaryResult",
                ["columns"] = new JsonArray(
                    new JsonObject { ["name"] = "TimeGenerated", ["type"] = "datetime" },
                    new JsonObject { ["name"] = "Value", ["type"] = "string" }),
                ["rows"] = new JsonArray([.. returned.Select(e => (JsonNode)new JsonArray(e.At.UtcDateTime.ToString("o", CultureInfo.InvariantCulture), e.Value))]),
            }),
        };
        if (returned.Length < inRange.Length)
        {
            response["error"] = JsonNode.Parse(WireSamples.TruncatedPartialError(ServerRowLimit));
        }

        return new QueryReply(200, response.ToJsonString());
    }

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
