namespace GapMonitor.SweepBenchmark;

/// <summary>Requests by HTTP method at one moment; subtract two to get what happened in between.</summary>
public sealed record RequestCounts(IReadOnlyDictionary<string, int> ByMethod)
{
    public int Total => ByMethod.Values.Sum();

    public RequestCounts Since(RequestCounts earlier) =>
        new(new SortedDictionary<string, int>(
            ByMethod.ToDictionary(p => p.Key, p => p.Value - earlier.ByMethod.GetValueOrDefault(p.Key)),
            StringComparer.Ordinal));

    /// <summary>"GET 10, POST 10000" — methods that were not used are left out.</summary>
    public override string ToString() =>
        string.Join(", ", ByMethod.Where(p => p.Value > 0).Select(p => $"{p.Key} {p.Value}"));
}
