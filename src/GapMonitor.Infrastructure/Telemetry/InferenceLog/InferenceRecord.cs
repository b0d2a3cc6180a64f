using System.Globalization;
using System.Text.Json;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// One data-collector line: a JSON object whose <c>data</c> is an array of row objects. Owns the parsed document; the
/// rows are valid until disposal.
/// </summary>
internal sealed class InferenceRecord : IDisposable
{
    private readonly JsonDocument _document;

    private InferenceRecord(JsonDocument document, JsonElement data, string? modelVersion, DateTimeOffset? time, string? correlationId)
    {
        _document = document;
        Rows = [.. data.EnumerateArray()];
        ModelVersion = modelVersion;
        Time = time;
        CorrelationId = correlationId;
    }

    public IReadOnlyList<JsonElement> Rows { get; }

    public string? ModelVersion { get; }

    public DateTimeOffset? Time { get; }

    /// <summary>The record's <c>correlationid</c>: the data collector writes the same one on a request's inputs and outputs.</summary>
    public string? CorrelationId { get; }

    /// <summary>The id of row <paramref name="index"/>: the record's, suffixed <c>_{index}</c> when the record has several rows.</summary>
    public string? RowCorrelationId(int index) => CorrelationId is null ? null : Rows.Count == 1 ? CorrelationId : $"{CorrelationId}_{index}";

    /// <summary>
    /// Parses a line (without its newline). False, with no record, for anything that is not a JSON object with a
    /// <c>data</c> array of objects.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> line, out InferenceRecord? record)
    {
        record = null;
        if (line.Span.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return false;
        }

        var root = document.RootElement;
        if (MayHoldLoneSurrogates(line.Span) && HasUndecodableText(root))
        {
            document.Dispose();
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Array
            || data.EnumerateArray().Any(row => row.ValueKind != JsonValueKind.Object))
        {
            document.Dispose();
            return false;
        }

        var modelVersion = root.TryGetProperty("modelversion", out var version) && version.ValueKind == JsonValueKind.String
            ? version.GetString()
            : null;
        DateTimeOffset? time = root.TryGetProperty("time", out var timeElement)
            && timeElement.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(timeElement.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed.ToUniversalTime()
                : null;
        var correlationId = root.TryGetProperty("correlationid", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= 900 } text
            ? text
            : null;
        record = new InferenceRecord(document, data, modelVersion, time, correlationId);
        return true;
    }

    public void Dispose() => _document.Dispose();

    /// <summary>
    /// A lone surrogate can only come in as a <c>\uD800</c>–<c>\uDFFF</c> escape (raw UTF-8 cannot encode one and the
    /// parser rejects invalid UTF-8), so lines without <c>\ud</c> skip the walk below.
    /// </summary>
    private static bool MayHoldLoneSurrogates(ReadOnlySpan<byte> line) =>
        line.IndexOf("\\ud"u8) >= 0 || line.IndexOf("\\uD"u8) >= 0;

    /// <summary>
    /// True when a string or member name is an escape of a lone surrogate: the parser accepts it, but reading it as
    /// text throws, and the line must count as malformed rather than fail the whole pull.
    /// </summary>
    private static bool HasUndecodableText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return false;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (HasUndecodableText(property.Value))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (HasUndecodableText(item))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
