using System.Globalization;

namespace GapMonitor.Infrastructure.Telemetry.Pushed;

/// <summary>
/// The name of a pushed data blob under a system's prefix: <c>yyyy/MM/dd/HH/mm/ssfffffff-{recordId}.jsonl</c>, from the
/// service clock when the push arrived. Names sort by arrival, so the reader can keep a high-water mark instead of
/// one entry per blob; the hour folders keep the data-collector layout.
/// </summary>
internal readonly record struct PushedBlobName(DateTimeOffset ArrivedAt, string RecordId)
{
    private const string TimeFormat = "yyyy/MM/dd/HH/mm/ssfffffff";
    private const int TimeLength = 26;
    private const int RecordIdLength = 32;
    private const string Extension = ".jsonl";

    /// <summary>The full blob name under <paramref name="prefix"/> (no trailing slash).</summary>
    public string Under(string prefix) =>
        $"{prefix}/{ArrivedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{RecordId}{Extension}";

    /// <summary>The listing prefix of the minute folder a name of this arrival lands in.</summary>
    public static string MinuteFolderUnder(string prefix, DateTimeOffset time) =>
        $"{prefix}/{time.UtcDateTime.ToString("yyyy/MM/dd/HH/mm", CultureInfo.InvariantCulture)}/";

    /// <summary>Parses a blob name of this layout; false for anything else (e.g. the names of earlier builds).</summary>
    public static bool TryParse(string blobName, string prefix, out PushedBlobName name)
    {
        name = default;
        var start = prefix.Length + 1;
        if (blobName.Length != start + TimeLength + 1 + RecordIdLength + Extension.Length
            || !blobName.StartsWith(prefix, StringComparison.Ordinal) || blobName[prefix.Length] != '/'
            || blobName[start + TimeLength] != '-' || !blobName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var recordId = blobName.Substring(start + TimeLength + 1, RecordIdLength);
        if (!recordId.All(char.IsAsciiHexDigitLower)
            || !DateTime.TryParseExact(
                blobName.AsSpan(start, TimeLength), TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var arrived))
        {
            return false;
        }

        name = new PushedBlobName(new DateTimeOffset(arrived, TimeSpan.Zero), recordId);
        return true;
    }
}
