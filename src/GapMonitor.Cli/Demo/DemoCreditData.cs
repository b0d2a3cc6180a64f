using System.Globalization;
using System.Text;

namespace GapMonitor.Cli.Demo;

/// <summary>
/// A credit-default model whose world changes under it: its inputs and outputs in production look exactly like its
/// reference, but the true outcomes that arrive later no longer follow its scores (pure concept drift). Input drift
/// and the label-free estimate cannot see this; realized performance can, once the labels arrive.
/// </summary>
internal static class DemoCreditData
{
    public const int ReferenceRows = 1000;
    public const int ScoredCount = 400;
    public const int ChunkRows = 100;

    /// <summary>The reference: features, the model's output, and the outcome, which follows the model's probability.</summary>
    public static string ReferenceCsv()
    {
        var random = new Random(11);
        var csv = new StringBuilder("debt_ratio,income,default_pred,default_proba,defaulted\n");
        for (var i = 0; i < ReferenceRows; i++)
        {
            var (debt, income, probability) = Applicant(random);
            var defaulted = random.NextDouble() < probability ? 1 : 0;
            csv.Append(CultureInfo.InvariantCulture, $"{debt:F4},{income:F1},{(probability >= 0.5 ? 1 : 0)},{probability:F4},{defaulted}\n");
        }

        return csv.ToString();
    }

    /// <summary>Today's scored applicants: drawn like the reference, with a correlation id for the outcomes to join on.</summary>
    public static object[] ScoredRows()
    {
        var random = new Random(12);
        return [.. Enumerable.Range(0, ScoredCount).Select(i =>
        {
            var (debt, income, probability) = Applicant(random);
            return new Dictionary<string, object>
            {
                ["correlationid"] = CorrelationId(i),
                ["debt_ratio"] = Math.Round(debt, 4),
                ["income"] = Math.Round(income, 1),
                ["default_pred"] = probability >= 0.5 ? 1 : 0,
                ["default_proba"] = Math.Round(probability, 4),
            };
        })];
    }

    /// <summary>The outcomes, days later: defaults no longer follow the model's scores (a new lending policy changed who defaults).</summary>
    public static object[] Outcomes()
    {
        var random = new Random(13);
        return [.. Enumerable.Range(0, ScoredCount).Select(i => new { correlationId = CorrelationId(i), target = random.NextDouble() < 0.3 ? 1 : 0 })];
    }

    private static string CorrelationId(int i) => $"loan-{i:D4}";

    private static (double Debt, double Income, double Probability) Applicant(Random random)
    {
        var debt = random.NextDouble();
        var income = 60 + (15 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        var logit = -3 + (5 * debt) - (0.03 * (income - 60));
        return (debt, income, 1 / (1 + Math.Exp(-logit)));
    }
}
