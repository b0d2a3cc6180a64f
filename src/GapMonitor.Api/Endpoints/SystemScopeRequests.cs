using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

internal static class SystemScopeRequests
{
    /// <summary>The system if it exists in the caller's scope; read once per request (authentication may already have read it).</summary>
    public static Task<SystemWithAlerts?> FindAsync(this SystemScope scope, HttpContext http, Principal principal, string id, CancellationToken cancellationToken) =>
        scope.FindAsync(principal, id, KnownSystem(http), cancellationToken);

    /// <summary>The system authentication read for an ingest key, if any.</summary>
    private static SystemWithAlerts? KnownSystem(HttpContext http) => http.Items[typeof(SystemWithAlerts)] as SystemWithAlerts;
}
