namespace GapMonitor.Api.Hosting;

/// <summary>Routes outside <c>/api</c>: pages people open from a notification. Both hosts serve them at the root.</summary>
public static class PageRoutes
{
    /// <summary>An action link: <c>{PublicBaseUrl}/act/{token}</c>.</summary>
    public const string Act = "act/{token}";
}
