using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GapMonitor.Api.Auth;

/// <summary>
/// Turns the presented key into a <see cref="Principal"/>: the configured admin key, a stored role key (one point read),
/// or a system's ingest key (one read of the system, or none where the route lets the system as this process read it
/// recently suffice: <see cref="RecentSystems"/>). Hashes are compared in constant time. A revoked or expired role key
/// is no key. A role key's use is recorded at most once per <see cref="ApiKey.LastUsedResolution"/>, and a failure to
/// record it never fails the request.
/// </summary>
public sealed class ApiKeyAuthenticator(
    IApiKeyStore keys,
    ISystemStore systems,
    IOptions<GapMonitorOptions> options,
    TimeProvider timeProvider,
    ILogger<ApiKeyAuthenticator> logger,
    RecentSystems? recentSystems = null)
{
    private readonly string? _adminHash = string.IsNullOrEmpty(options.Value.AdminApiKey) ? null : ApiKeyFormat.Hash(options.Value.AdminApiKey);

    public Task<Principal?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        AuthenticateAsync(request, recentSystemSuffices: false, cancellationToken);

    /// <param name="recentSystemSuffices">Whether an ingest key may be checked against the system as this process read it recently.</param>
    public Task<Principal?> AuthenticateAsync(HttpRequest request, bool recentSystemSuffices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AuthenticateKeyAsync(PresentedKey(request), request.HttpContext, recentSystemSuffices, cancellationToken);
    }

    /// <summary>The same check for a key presented another way (the console's sign-in form).</summary>
    public Task<Principal?> AuthenticateKeyAsync(string? key, HttpContext http, CancellationToken cancellationToken) =>
        AuthenticateKeyAsync(key, http, recentSystemSuffices: false, cancellationToken);

    private async Task<Principal?> AuthenticateKeyAsync(string? key, HttpContext http, bool recentSystemSuffices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        key = key?.Trim();
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
            // A recent copy that refuses the key is no answer: the key may have been rotated to this one since.
            var system = recentSystemSuffices && recentSystems?.Find(id) is { } recent && AcceptsIngestKey(recent, key) ? recent : await ReadSystemAsync(id, key, cancellationToken);
            if (system is null || !AcceptsIngestKey(system, key))
            {
                return null;
            }

            // The handler needs this system too: it reads it from here instead of storage.
            http.Items[typeof(SystemWithAlerts)] = system;
            return new Principal(Role.Ingest, $"ingest:{id}", SystemId: id);
        }

        return await ActiveKeyAsync(id, stored => ApiKeyFormat.Matches(key, stored.Hash), cancellationToken);
    }

    /// <summary>
    /// A fingerprint of the configured admin key that reveals nothing about it; a console session of admin names it, so
    /// rotating the admin key ends every admin session. Null without an admin key.
    /// </summary>
    public string? AdminFingerprint => _adminHash is null ? null : _adminHash[..16];

    /// <summary>
    /// The principal of a console session, checked again on every request: admin while the admin key is the one the
    /// session was started with, a role key while it is active (revoking the key ends its sessions at once).
    /// </summary>
    public async Task<Principal?> ResolveSessionAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        if (keyId.StartsWith(AdminSessionPrefix, StringComparison.Ordinal))
        {
            return AdminFingerprint is { } current && string.Equals(keyId, AdminSessionPrefix + current, StringComparison.Ordinal)
                ? new Principal(Role.Admin, "admin")
                : null;
        }

        if (!ApiKeyFormat.IsKeyId(keyId))
        {
            return null;
        }

        return await ActiveKeyAsync(keyId, _ => true, cancellationToken);
    }

    /// <summary>What a console session of <paramref name="principal"/> names: the key id, or admin with the admin key's fingerprint.</summary>
    public string SessionSubject(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Role == Role.Admin ? AdminSessionPrefix + AdminFingerprint : principal.KeyId;
    }

    private const string AdminSessionPrefix = "admin:";

    private static bool AcceptsIngestKey(SystemWithAlerts system, string key) =>
        system.System.IngestKeyHash is { } hash && ApiKeyFormat.Matches(key, hash) && !system.System.IsRetired;

    /// <summary>The system from storage; kept for the next pushes only when it accepts the key (a wrong key fills no cache).</summary>
    private async Task<SystemWithAlerts?> ReadSystemAsync(string id, string key, CancellationToken cancellationToken)
    {
        var start = recentSystems?.StartRead();
        var system = await systems.GetAsync(id, cancellationToken);
        if (system is not null && start is { } read && AcceptsIngestKey(system, key))
        {
            recentSystems!.Remember(system, read);
        }

        return system;
    }

    /// <summary>The principal of a stored role key that <paramref name="presented"/> accepts and that is active now; its use is recorded.</summary>
    private async Task<Principal?> ActiveKeyAsync(string keyId, Func<ApiKey, bool> presented, CancellationToken cancellationToken)
    {
        var stored = await keys.GetAsync(keyId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (stored is null || !presented(stored) || !stored.IsActiveAt(now))
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
