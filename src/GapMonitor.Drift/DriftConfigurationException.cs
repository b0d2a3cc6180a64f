namespace GapMonitor.Drift;

/// <summary>Options or overrides that cannot apply to the data (e.g. KS on a categorical column, a column named twice).</summary>
/// <param name="message">What is wrong, naming the column or option.</param>
public sealed class DriftConfigurationException(string message) : Exception(message);
