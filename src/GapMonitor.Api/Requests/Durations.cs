using System.Xml;

namespace GapMonitor.Api.Requests;

/// <summary>ISO 8601 durations of days, hours, minutes and seconds (<c>P14D</c>, <c>PT5M</c>); years and months are ambiguous and refused.</summary>
public static class Durations
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('P'))
        {
            return false;
        }

        var datePart = text.Split('T')[0];
        if (datePart.Contains('Y', StringComparison.Ordinal) || datePart.Contains('M', StringComparison.Ordinal) || datePart.Contains('W', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            value = XmlConvert.ToTimeSpan(text);
            return value > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static string Format(TimeSpan value) => XmlConvert.ToString(value);
}
