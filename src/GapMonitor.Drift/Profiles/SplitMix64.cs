namespace GapMonitor.Drift.Profiles;

/// <summary>A tiny deterministic pseudo-random generator whose whole state is one number (so it serialises).</summary>
internal static class SplitMix64
{
    public static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A stable seed for a name (string.GetHashCode is randomised per process).</summary>
    public static ulong Seed(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
