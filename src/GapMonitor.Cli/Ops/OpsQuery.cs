namespace GapMonitor.Cli.Ops;

/// <summary>A query string of the parameters that have a value, escaped.</summary>
internal static class OpsQuery
{
    public static string Of(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join("&", given);
    }

    public static string Segment(string value) => Uri.EscapeDataString(value);
}
