namespace GapMonitor.Web.Layout;

/// <summary>The one stylesheet: served at <see cref="ConsoleLinks.Stylesheet"/> (the CSP allows styles from self only) and inlined into the offline report.</summary>
public static class ConsoleStyles
{
    private static readonly Lazy<string> CssText = new(() =>
    {
        using var stream = typeof(ConsoleStyles).Assembly.GetManifestResourceStream("GapMonitor.Web.console.css")
            ?? throw new InvalidOperationException("The console stylesheet is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Css => CssText.Value;
}
