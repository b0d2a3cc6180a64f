using System.Text.Json;
using System.Text.Json.Nodes;

namespace GapMonitor.Cli.Ops;

/// <summary>
/// Items of a list route, following <c>next</c> until the list ends or <c>max</c> items are in hand. <see cref="Document"/>
/// is the first page's answer with the items of all pages and the <c>next</c> after the last item kept.
/// </summary>
internal sealed record OpsPages(IReadOnlyList<JsonElement> Items, string? Next, JsonElement Document)
{
    private const int MaxPages = 10_000;

    /// <param name="pathAndQuery">The list's path with its filters; <c>limit</c> and <c>cursor</c> are added here.</param>
    public static async Task<OpsPages> ReadAsync(OpsClient client, string pathAndQuery, int max, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        JsonElement? first = null;
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var url = $"{pathAndQuery}{separator}limit={Math.Min(max - items.Count, client.PageSize)}"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var answer = await client.GetAsync(url, cancellationToken);
            first ??= answer;
            if (answer.TryGetProperty("items", out var pageItems) && pageItems.ValueKind == JsonValueKind.Array)
            {
                items.AddRange(pageItems.EnumerateArray());
            }

            cursor = answer.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (cursor is null || items.Count >= max)
            {
                break;
            }
        }

        return new OpsPages(items, cursor, Combine(first!.Value, items, cursor));
    }

    private static JsonElement Combine(JsonElement first, List<JsonElement> items, string? next)
    {
        var document = JsonNode.Parse(first.GetRawText())!.AsObject();
        document["items"] = new JsonArray([.. items.Select(i => JsonNode.Parse(i.GetRawText()))]);
        document["next"] = next;
        return JsonSerializer.SerializeToElement(document);
    }
}
