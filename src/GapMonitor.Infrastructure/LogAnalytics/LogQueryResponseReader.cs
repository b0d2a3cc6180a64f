using System.Text.Json;

namespace GapMonitor.Infrastructure.LogAnalytics;

/// <summary>Reads the documented response body: <c>{"tables":[{"name","columns":[{"name","type"}],"rows":[[…]]}],"error":{…}?}</c>.</summary>
internal static class LogQueryResponseReader
{
    public static LogQueryResult ReadResult(JsonElement root, DateTimeOffset from, DateTimeOffset to)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tables", out var tablesElement) || tablesElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The Log Analytics response has no 'tables' array.");
        }

        var tables = tablesElement.EnumerateArray().Select(ReadTable).ToArray();
        var partialError = root.TryGetProperty("error", out var errorElement) ? LogQueryError.From(errorElement) : null;
        return new LogQueryResult(tables, partialError, from, to);
    }

    /// <summary>The <c>error</c> object of a failure body, or null when the body is not JSON or has none.</summary>
    public static LogQueryError? ReadError(BinaryData? body)
    {
        if (body is null || body.ToMemory().IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToMemory());
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                ? LogQueryError.From(error)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static LogTable ReadTable(JsonElement element)
    {
        var name = element.TryGetProperty("name", out var nameElement) ? nameElement.GetString() ?? string.Empty : string.Empty;
        var columns = Array(element, "columns")
            .Select(column => new LogColumn(
                column.TryGetProperty("name", out var columnName) ? columnName.GetString() ?? string.Empty : string.Empty,
                column.TryGetProperty("type", out var type) ? type.GetString() ?? string.Empty : string.Empty))
            .ToArray();
        var table = new LogTable(name, columns);
        foreach (var rowElement in Array(element, "rows"))
        {
            var cells = rowElement.ValueKind == JsonValueKind.Array ? rowElement.EnumerateArray().ToArray() : [];
            if (cells.Length != columns.Length)
            {
                throw new JsonException($"A row of table '{name}' has {cells.Length} cells for {columns.Length} columns.");
            }

            table.Add(new LogRow(table, cells));
        }

        return table;
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement table, string property) =>
        table.ValueKind == JsonValueKind.Object && table.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new JsonException($"A table of the Log Analytics response has no '{property}' array.");
}
