using System.Globalization;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>Row key fragments that sort newest first.</summary>
internal static class InvertedTicks
{
    public static string Of(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
