namespace GapMonitor.Web.Layout;

/// <summary>The console's own URLs, as the pages link to them (the hosts map the same paths).</summary>
public static class ConsoleLinks
{
    public const string Home = "/";
    public const string SignIn = "/ui/session";
    public const string SignOut = "/ui/session/end";
    public const string Fleet = "/ui/fleet";
    public const string Stylesheet = "/ui/console.css";

    public static string System(string id) => "/ui/systems/" + Uri.EscapeDataString(id);

    public static string Alert(string id) => "/ui/alerts/" + Uri.EscapeDataString(id);

    public static string AlertAcknowledge(string id) => Alert(id) + "/acknowledge";
}
