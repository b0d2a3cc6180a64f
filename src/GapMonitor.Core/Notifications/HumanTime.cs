using System.Globalization;

namespace GapMonitor.Core.Notifications;

/// <summary>Times in text people read (summaries, emails): <c>2026-12-01 13:23 UTC</c>. JSON keeps ISO 8601.</summary>
public static class HumanTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
