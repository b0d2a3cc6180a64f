using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GapMonitor.Api.Auth;

/// <summary>
/// Turns the presented key into a <see cref="Principal"/>: the configured admin key, a stored role key (one point read),
/// or a system's ingest key (one read of the system). Hashes are compared in constant time.
/// </summary>
public sealed class ApiKeyAuthenticator(IApiKeyStore keys, ISystemStore systems, IOptions<GapMonitorOptions> options)
{
    private readonly string? _adminHash = string.IsNullOrEmpty(options.Value.AdminApiKey) ? null : ApiKeyFormat.Hash(options.Value.AdminApiKey);

    public async Task<Principal?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = PresentedKey(request);
        if (string.IsNullOrEmpty(key) || key.Length > 256)
        {
            return null;
        }

        if (_adminHash is not null && ApiKeyFormat.Matches(key, _adminHash))
        {
            return new Principal(Role.Admin, "admin");
        }

        var (kind, id) = ApiKeyFormat.Parse(key);
        if (kind is null || string.IsNullOrEmpty(id))
        {
            return null;
        }

        if (kind == Role.Ingest)
        {
            var system = await systems.GetAsync(id, cancellationToken);
            if (system?.System.IngestKeyHash is not { } hash || !ApiKeyFormat.Matches(key, hash) || system.System.IsRetired)
            {
                return null;
            }

            // The handler needs this system too: it reads it from here instead of storage.
            request.HttpContext.Items[typeof(SystemWithAlerts)] = system;
            return new Principal(Role.Ingest, $"ingest:{id}", SystemId: id);
        }

        var stored = await keys.GetAsync(id, cancellationToken);
        if (stored is null || stored.RevokedAt is not null || !ApiKeyFormat.Matches(key, stored.Hash))
        {
            return null;
        }

        return new Principal(stored.Role, stored.Id, stored.Vendor, stored.Customer);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var apiKey = request.Headers["x-api-key"].ToString();
        return string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
    }
}
