using System.Text.RegularExpressions;

namespace GapMonitor.Core.Systems;

/// <summary>The shape of a system id: 3–63 characters of a–z, 0–9 and '-'.</summary>
public static partial class SystemIds
{
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9-]{3,63}\\z")]
    private static partial Regex Pattern();
}
