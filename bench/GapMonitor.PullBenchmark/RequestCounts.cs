namespace GapMonitor.PullBenchmark;

/// <summary>Requests by kind at one moment (count, seconds spent waiting); subtract two to get what happened in between.</summary>
public sealed record RequestCounts(IReadOnlyDictionary<string, (int Count, double Seconds)> ByKind)
{
    public int Total => ByKind.Values.Sum(v => v.Count);

    public double Seconds => ByKind.Values.Sum(v => v.Seconds);

    public RequestCounts Since(RequestCounts earlier) =>
        new(new SortedDictionary<string, (int, double)>(
            ByKind.ToDictionary(
                p => p.Key,
                p => (p.Value.Count - earlier.ByKind.GetValueOrDefault(p.Key).Count, p.Value.Seconds - earlier.ByKind.GetValueOrDefault(p.Key).Seconds)),
            StringComparer.Ordinal));

    /// <summary>"blob list 300 (0.4 s), blob read 1000 (12.1 s)" — kinds not used are left out.</summary>
    public override string ToString() =>
        string.Join(", ", ByKind.Where(p => p.Value.Count > 0).Select(p => FormattableString.Invariant($"{p.Key} {p.Value.Count:N0} ({p.Value.Seconds:0.0} s)")));
}
