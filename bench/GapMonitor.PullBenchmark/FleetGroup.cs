using System.Globalization;

namespace GapMonitor.PullBenchmark;

/// <summary><c>100x10000</c>: 100 systems with 10,000 rows each.</summary>
public sealed record FleetGroup(int Systems, int RowsEach)
{
    public static FleetGroup Parse(string text)
    {
        var parts = text.Split('x');
        return new FleetGroup(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
