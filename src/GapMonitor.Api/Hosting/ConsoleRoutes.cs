namespace GapMonitor.Api.Hosting;

/// <summary>The web console's routes, at the root like the action links; both hosts map them (<c>ConsoleLinks</c> are the same paths as pages link them).</summary>
public static class ConsoleRoutes
{
    /// <summary><c>GET /</c>: the sign-in page (or the fleet when signed in).</summary>
    public const string Home = "";
    public const string Session = "ui/session";
    public const string SessionEnd = "ui/session/end";
    public const string Stylesheet = "ui/console.css";
    public const string Fleet = "ui/fleet";
    public const string System = "ui/systems/{id}";
    public const string Alert = "ui/alerts/{id}";
    public const string AlertAcknowledge = "ui/alerts/{id}/acknowledge";
}
