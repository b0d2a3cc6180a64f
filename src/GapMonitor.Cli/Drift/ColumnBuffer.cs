namespace GapMonitor.Cli.Drift;

/// <summary>A growable column of parsed numbers (NaN = missing) that remembers whether every cell was a number.</summary>
internal sealed class ColumnBuffer
{
    private double[] _values = new double[1024];

    public int Count { get; private set; }

    /// <summary>Set when a non-missing cell did not parse as a number.</summary>
    public bool IsCategorical { get; set; }

    public void Add(double value)
    {
        if (Count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[Count++] = value;
    }

    /// <summary>Grows once to the expected size instead of doubling many times.</summary>
    public void EnsureCapacity(long capacity)
    {
        if (capacity > _values.Length && capacity < Array.MaxLength)
        {
            _values = CopyOf(_values, (int)capacity);
        }
    }

    public double[] ToArray()
    {
        if (_values.Length != Count)
        {
            _values = CopyOf(_values, Count);
        }

        return _values;
    }

    /// <summary>A new array of <paramref name="length"/> holding the first <see cref="Count"/> values; the rest is not zeroed.</summary>
    private double[] CopyOf(double[] values, int length)
    {
        var copy = GC.AllocateUninitializedArray<double>(length);
        values.AsSpan(0, Count).CopyTo(copy);
        return copy;
    }
}
