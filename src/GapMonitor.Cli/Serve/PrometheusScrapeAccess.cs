using GapMonitor.Api.Auth;
using GapMonitor.Api.Pipeline;
using GapMonitor.Core.Keys;
using Microsoft.Extensions.Options;

namespace GapMonitor.Cli.Serve;

/// <summary>
/// Guards the Prometheus scrape endpoint: the dedicated scrape key or the admin key, as <c>Authorization: Bearer</c>
/// (or <c>x-api-key</c>), unless <see cref="PrometheusScrapeOptions.AllowAnonymous"/>. Tenant keys (vendor, customer,
/// ingest) are refused: the metrics describe the whole fleet. Answers as the API does: 401 or 403 problem details.
/// </summary>
public sealed class PrometheusScrapeAccess(ApiKeyAuthenticator authenticator, IOptions<PrometheusScrapeOptions> options)
{
    private readonly string? _scrapeKeyHash = string.IsNullOrWhiteSpace(options.Value.ScrapeKey) ? null : ApiKeyFormat.Hash(options.Value.ScrapeKey.Trim());

    /// <summary>Runs <paramref name="next"/> for a caller allowed to scrape; answers 401/403 otherwise.</summary>
    public async Task GuardAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        var refusal = options.Value.AllowAnonymous ? null : await RefusalAsync(http);
        if (refusal is null)
        {
            await next(http);
            return;
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        await refusal.WithTraceId(http.TraceIdentifier).ExecuteAsync(http);
    }

    private async Task<ApiResponse?> RefusalAsync(HttpContext http)
    {
        if (_scrapeKeyHash is not null && PresentedKey(http.Request) is { } key && ApiKeyFormat.Matches(key, _scrapeKeyHash))
        {
            return null;
        }

        var principal = await authenticator.AuthenticateAsync(http.Request, http.RequestAborted);
        return principal switch
        {
            null => Problems.Unauthorized(),
            { Role: Role.Admin } => null,
            _ => Problems.Forbidden($"A {principal.Role.ToString().ToLowerInvariant()} key may not read the service's metrics: use the scrape key or the admin key."),
        };
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        var key = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..] : request.Headers["x-api-key"].ToString();
        key = key.Trim();
        return key.Length is > 0 and <= 256 ? key : null;
    }
}
