namespace GapMonitor.Web.Drift;

/// <summary>One compared column of a drift report as the table shows it.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Type">"numeric" or "categorical".</param>
/// <param name="Method">The method's name (ks, wasserstein, chisquare, ztest, jensenshannon, psi).</param>
/// <param name="Score">The method's value; NaN when the stored report had none.</param>
/// <param name="Threshold">The threshold the score was judged against.</param>
/// <param name="Drifted">The verdict.</param>
public sealed record DriftColumnRow(string Column, string Type, string Method, double Score, double Threshold, bool Drifted);
