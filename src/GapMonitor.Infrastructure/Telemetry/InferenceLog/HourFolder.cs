using System.Globalization;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>An hour folder of the data-collector layout; its key <c>yyyy/MM/dd/HH</c> sorts chronologically.</summary>
internal readonly record struct HourFolder(string Key, DateTimeOffset Start)
{
    private const string Format = "yyyy/MM/dd/HH";

    public static bool TryParse(string? key, out HourFolder folder)
    {
        if (key is { Length: 13 } && DateTime.TryParseExact(
                key, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            folder = new HourFolder(key, new DateTimeOffset(start, TimeSpan.Zero));
            return true;
        }

        folder = default;
        return false;
    }

    public HourFolder Previous()
    {
        var start = Start.AddHours(-1);
        return new HourFolder(start.ToString(Format, CultureInfo.InvariantCulture), start);
    }

    /// <summary>The listing prefix of this folder under a source prefix.</summary>
    public string PathUnder(string prefix) => prefix.Length == 0 ? Key + "/" : prefix + "/" + Key + "/";

    /// <summary>The hour-folder key of a blob name under a source prefix, or null when the name is outside the layout.</summary>
    public static string? KeyOf(string blobName, string prefix)
    {
        var rest = prefix.Length == 0 ? blobName : blobName[(prefix.Length + 1)..];
        return rest.Length > 14 && rest[13] == '/' ? rest[..13] : null;
    }
}
