using System.Globalization;
using System.Text;

namespace GapMonitor.Cli.Demo;

/// <summary>Synthetic churn-model data: the reference the model was trained on, and inference rows that have drifted.</summary>
internal static class DemoData
{
    private static readonly string[] Plans = ["basic", "pro", "enterprise"];

    public static string ReferenceCsv()
    {
        var random = new Random(42);
        var csv = new StringBuilder("tenure_months,monthly_spend,support_tickets,plan\n");
        for (var i = 0; i < 500; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{random.Next(1, 60)},{Normal(random, 70, 15):F2},{random.Next(0, 4)},{Plans[random.Next(3)]}\n");
        }

        return csv.ToString();
    }

    /// <summary>Newer customers, higher spend, more tickets, mostly on the basic plan.</summary>
    public static object[] DriftedRows()
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, 300).Select(_ => new
        {
            tenure_months = random.Next(1, 20),
            monthly_spend = Math.Round(Normal(random, 95, 15), 2),
            support_tickets = random.Next(0, 4),
            plan = random.NextDouble() < 0.7 ? "basic" : Plans[random.Next(3)],
        })];
    }

    private static double Normal(Random random, double mean, double sd) =>
        mean + (sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
