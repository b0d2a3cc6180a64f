using System.Globalization;
using System.Text.Json;

namespace GapMonitor.Infrastructure.LogAnalytics;

/// <summary>
/// One result row. Cells are read by column name and converted from the wire format: datetime, guid, timespan and
/// decimal arrive as strings, dynamic as a string holding JSON, long/int/real as numbers (real also as the strings
/// <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>), bool as true/false. A null cell reads as null.
/// </summary>
public sealed class LogRow
{
    private readonly JsonElement[] _cells;

    internal LogRow(LogTable table, JsonElement[] cells)
    {
        Table = table;
        _cells = cells;
    }

    public LogTable Table { get; }

    internal JsonElement[] Cells => _cells;

    /// <summary>The raw JSON of a cell.</summary>
    public JsonElement this[string column] => _cells[Table.OrdinalOf(column)];

    public bool IsNull(string column) => this[column].ValueKind == JsonValueKind.Null;

    /// <summary>A string cell; a cell of another kind as its JSON text.</summary>
    public string? GetString(string column) => this[column] switch
    {
        { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } cell => cell.GetString(),
        var cell => cell.GetRawText(),
    };

    public DateTimeOffset? GetDateTimeOffset(string column) => Read(column, "datetime", cell =>
        cell.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(cell.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : (DateTimeOffset?)null);

    public long? GetInt64(string column) => Read(column, "long", cell => cell.ValueKind switch
    {
        JsonValueKind.Number when cell.TryGetInt64(out var value) => value,
        JsonValueKind.String when long.TryParse(cell.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => (long?)null,
    });

    public int? GetInt32(string column) => Read(column, "int", cell => cell.ValueKind switch
    {
        JsonValueKind.Number when cell.TryGetInt32(out var value) => value,
        JsonValueKind.String when int.TryParse(cell.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => (int?)null,
    });

    public double? GetDouble(string column) => Read(column, "real", cell => cell.ValueKind switch
    {
        JsonValueKind.Number when cell.TryGetDouble(out var value) => value,
        JsonValueKind.String => cell.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
            _ => (double?)null,
        },
        _ => null,
    });

    public decimal? GetDecimal(string column) => Read(column, "decimal", cell => cell.ValueKind switch
    {
        JsonValueKind.Number when cell.TryGetDecimal(out var value) => value,
        JsonValueKind.String when decimal.TryParse(cell.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => (decimal?)null,
    });

    public bool? GetBoolean(string column) => Read(column, "bool", cell => cell.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when cell.TryGetInt64(out var value) && value is 0 or 1 => value == 1,
        JsonValueKind.String when bool.TryParse(cell.GetString(), out var value) => value,
        _ => (bool?)null,
    });

    public Guid? GetGuid(string column) => Read(column, "guid", cell =>
        cell.ValueKind == JsonValueKind.String && Guid.TryParse(cell.GetString(), out var value) ? value : (Guid?)null);

    public TimeSpan? GetTimeSpan(string column) => Read(column, "timespan", cell =>
        cell.ValueKind == JsonValueKind.String && TimeSpan.TryParse(cell.GetString(), CultureInfo.InvariantCulture, out var value) ? value : (TimeSpan?)null);

    /// <summary>
    /// A dynamic cell as JSON. The service sends dynamic values as strings of JSON; a string that is not JSON
    /// (a dynamic holding plain text) comes back as a JSON string.
    /// </summary>
    public JsonElement? GetDynamic(string column)
    {
        var cell = this[column];
        if (cell.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (cell.ValueKind != JsonValueKind.String)
        {
            return cell;
        }

        var text = cell.GetString()!;
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException)
        {
            return cell;
        }
    }

    private T? Read<T>(string column, string kind, Func<JsonElement, T?> convert)
        where T : struct
    {
        var cell = this[column];
        if (cell.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return convert(cell) ?? throw new FormatException(
            $"The cell '{column}' of table '{Table.Name}' is a JSON {cell.ValueKind}, which does not read as {kind}.");
    }
}
