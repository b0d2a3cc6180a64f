using System.Text.Json;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Where a system's blob collection stands (<c>{systemId}/collection.json</c> in the <c>telemetry</c> container, replaced
/// under its ETag): when a run last started, when the last pass over every prefix finished, and for a pass still under
/// way the listing position per prefix (a continuation token, <see cref="Finished"/> once that prefix is through, absent
/// while it starts from the beginning).
/// </summary>
internal sealed class BlobCollectionRecord
{
    public const string Finished = "";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public DateTimeOffset? LastRunAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>A pass has started and not finished every prefix (set when a run claims it, so a crashed run is retried).</summary>
    public bool UnderWay { get; set; }

    public Dictionary<string, string> Positions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Metadata key of the record's due time (when the next run may start), so that a listing of a shard's records tells
    /// every system's due time without reading each (<see cref="ShardBlobCensus"/>).
    /// </summary>
    public const string DueAtKey = "dueat";

    public static string NameOf(string systemId) => $"{systemId}/collection.json";

    public static Dictionary<string, string> MetadataFor(DateTimeOffset dueAt) =>
        new(StringComparer.Ordinal) { [DueAtKey] = dueAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>The due time a record's metadata carries; null for a record written without it.</summary>
    public static DateTimeOffset? DueAtOf(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(DueAtKey, out var text)
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var dueAt)
            ? dueAt
            : null;

    /// <summary>The stored record; a damaged one counts as none (the next pass starts over and replaces it).</summary>
    public static BlobCollectionRecord Read(BinaryData content)
    {
        try
        {
            return JsonSerializer.Deserialize<BlobCollectionRecord>(content.ToMemory().Span, Options) ?? new BlobCollectionRecord();
        }
        catch (JsonException)
        {
            return new BlobCollectionRecord();
        }
    }

    public BinaryData ToBinaryData() => new(JsonSerializer.SerializeToUtf8Bytes(this, Options));
}
