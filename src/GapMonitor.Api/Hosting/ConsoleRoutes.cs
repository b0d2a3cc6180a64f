namespace GapMonitor.Api.Hosting;

/// <summary>The web console's routes, at the root like the action links; both hosts map them (<c>ConsoleLinks</c> are the same paths as pages link them).</summary>
public static class ConsoleRoutes
{
    /// <summary><c>GET /</c>: the sign-in page (or the fleet when signed in).</summary>
    public const string Home = "";

    /// <summary>
    /// <see cref="Home"/> as the Functions trigger's route: the Functions host reads an empty route as "the function's
    /// name", so the root is an optional parameter that can only be empty (host.json's routePrefix is empty, and the
    /// app setting <c>AzureWebJobsDisableHomepage</c> turns the host's own page at <c>/</c> off).
    /// </summary>
    public const string FunctionsHome = "{root:maxlength(0)?}";
    public const string Session = "ui/session";
    public const string SessionEnd = "ui/session/end";
    public const string Stylesheet = "ui/console.css";
    public const string Fleet = "ui/fleet";
    public const string System = "ui/systems/{id}";
    public const string Alert = "ui/alerts/{id}";
    public const string AlertAcknowledge = "ui/alerts/{id}/acknowledge";
}
