using System.Globalization;
using GapMonitor.Drift;

namespace GapMonitor.Cli.Drift;

/// <summary>Parses <c>--method col=ks</c> and <c>--threshold col=0.1</c> values.</summary>
internal static class DriftOverrides
{
    public static DriftOptions Parse(IEnumerable<string> methods, IEnumerable<string> thresholds)
    {
        var methodMap = new Dictionary<string, DriftMethod>(StringComparer.Ordinal);
        foreach (var (column, value) in methods.Select(m => Split(m, "--method")))
        {
            if (!DriftMethods.TryParse(value, out var method))
            {
                throw new DriftInputException(
                    $"--method {column}={value}: unknown method; use one of {string.Join(", ", DriftMethods.Names)}.");
            }

            methodMap[column] = method;
        }

        var thresholdMap = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (column, value) in thresholds.Select(t => Split(t, "--threshold")))
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold)
                || !double.IsFinite(threshold) || threshold < 0)
            {
                throw new DriftInputException($"--threshold {column}={value}: expected a number ≥ 0 such as 0.05.");
            }

            thresholdMap[column] = threshold;
        }

        return new DriftOptions { Methods = methodMap, Thresholds = thresholdMap };
    }

    private static (string Column, string Value) Split(string text, string option)
    {
        var at = text.LastIndexOf('=');
        if (at <= 0 || at == text.Length - 1)
        {
            throw new DriftInputException($"{option} {text}: expected COLUMN=VALUE.");
        }

        return (text[..at], text[(at + 1)..]);
    }
}
