namespace GapMonitor.Drift;

/// <summary>A method or threshold override that cannot apply to the data (e.g. KS on a categorical column).</summary>
public sealed class DriftConfigurationException(string message) : Exception(message);
