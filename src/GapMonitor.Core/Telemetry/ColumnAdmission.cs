namespace GapMonitor.Core.Telemetry;

/// <summary>
/// The columns a system's telemetry may have: at most <see cref="MaxColumns"/> distinct names across its open windows
/// (and in its reference), each at most <see cref="MaxNameLength"/> characters. Keeps the state document, the window
/// profiles and the drift reports bounded whatever arrives.
/// </summary>
public sealed class ColumnAdmission
{
    public const int MaxColumns = 1000;
    public const int MaxNameLength = 256;

    private readonly HashSet<string> _known;

    public ColumnAdmission(IEnumerable<string> known) => _known = new HashSet<string>(known, StringComparer.Ordinal);

    /// <summary>Admits the columns the open windows of <paramref name="state"/> already have.</summary>
    public static ColumnAdmission For(TelemetryState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new ColumnAdmission(state.Windows.Values.SelectMany(w => w.Profile.Columns.Select(c => c.Name)));
    }

    /// <summary>True when <paramref name="name"/> is known or may still be added (and then counts as known).</summary>
    public bool TryAdmit(string name, out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(name);
        refusal = null;
        if (_known.Contains(name))
        {
            return true;
        }

        if (name.Length > MaxNameLength)
        {
            refusal = $"A column name has at most {MaxNameLength} characters.";
            return false;
        }

        if (_known.Count >= MaxColumns)
        {
            refusal = $"A system's telemetry has at most {MaxColumns} columns; this one would be column {_known.Count + 1}.";
            return false;
        }

        _known.Add(name);
        return true;
    }
}
