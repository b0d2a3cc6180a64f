using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GapMonitor.Api.Auth;

/// <summary>
/// Turns the presented key into a <see cref="Principal"/>: the configured admin key, a stored role key (one point read),
/// or a system's ingest key (one read of the system). Hashes are compared in constant time. A revoked or expired role key
/// is no key. A role key's use is recorded at most once per <see cref="ApiKey.LastUsedResolution"/>, and a failure to
/// record it never fails the request.
/// </summary>
public sealed class ApiKeyAuthenticator(
    IApiKeyStore keys,
    ISystemStore systems,
    IOptions<GapMonitorOptions> options,
    TimeProvider timeProvider,
    ILogger<ApiKeyAuthenticator> logger)
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
        var now = timeProvider.GetUtcNow();
        if (stored is null || !ApiKeyFormat.Matches(key, stored.Hash) || !stored.IsActiveAt(now))
        {
            return null;
        }

        if (stored.ShouldRecordUseAt(now))
        {
            await RecordUseAsync(stored.Id, now, cancellationToken);
        }

        return new Principal(stored.Role, stored.Id, stored.Vendor, stored.Customer);
    }

    private async Task RecordUseAsync(string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await keys.RecordUseAsync(keyId, now, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not record the use of key {KeyId}; the request goes on", keyId);
        }
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
