namespace GapMonitor.Drift.Performance;

/// <summary>Stores a fitted <see cref="PerformanceReference"/> as JSON, so it is fitted once per reference version.</summary>
public static class PerformanceReferenceJson
{
    /// <summary>The reference as JSON text.</summary>
    /// <param name="reference">The fitted reference.</param>
    public static string Serialize(PerformanceReference reference) => throw new NotImplementedException();

    /// <summary>Reads what <see cref="Serialize"/> wrote.</summary>
    /// <param name="json">The JSON text.</param>
    public static PerformanceReference Deserialize(string json) => throw new NotImplementedException();
}
