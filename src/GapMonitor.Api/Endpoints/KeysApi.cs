using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>
/// Key management. The key is returned once; only its hash is stored. The admin manages every key; a vendor key may
/// create and revoke customer keys that see only that vendor's systems of the customer.
/// </summary>
public sealed class KeysApi(ApiPipeline pipeline, IApiKeyStore keys, TimeProvider timeProvider)
{
    public Task<IResult> CreateAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOrVendor, async (principal, cancellationToken) =>
    {
        var (request, error) = await RequestBody.ReadJsonAsync<KeyRequest>(http.Request, pipeline.MaxRequestBytes, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var v = new Validation();
        Role? role = request!.Role switch { "admin" => Role.Admin, "vendor" => Role.Vendor, "customer" => Role.Customer, _ => null };
        if (role is null)
        {
            v.Add("role", "One of admin, vendor, customer (ingest keys come with each system).");
        }

        if (principal!.Role == Role.Vendor)
        {
            if (role is Role.Admin or Role.Vendor)
            {
                return Problems.ForbiddenField("role", "A vendor key may create only customer keys.");
            }

            if (request.Vendor is not null && request.Vendor != principal.Vendor)
            {
                return Problems.ForbiddenField("vendor", "A vendor key may create keys only for its own vendor id.");
            }
        }

        if (role == Role.Vendor && string.IsNullOrWhiteSpace(request.Vendor))
        {
            v.Add("vendor", "Required for a vendor key: the vendor id it is scoped to.");
        }

        if (role == Role.Customer && string.IsNullOrWhiteSpace(request.Customer))
        {
            v.Add("customer", "Required for a customer key: the customer id it is scoped to.");
        }
        else if (role == Role.Customer && !SystemRequestValidator.TenantIdPattern().IsMatch(request.Customer!))
        {
            v.Add("customer", "1–63 characters of a–z, 0–9 and '-', as in the systems' customer ids.");
        }

        if (role == Role.Customer && request.Vendor is not null && !SystemRequestValidator.TenantIdPattern().IsMatch(request.Vendor))
        {
            v.Add("vendor", "1–63 characters of a–z, 0–9 and '-': the one vendor whose systems this customer key sees.");
        }

        if (request.Name?.Length > 200)
        {
            v.Add("name", "At most 200 characters.");
        }

        var now = timeProvider.GetUtcNow();
        if (request.ExpiresAt is { } expiresAt && (expiresAt <= now || expiresAt - now > ApiKey.MaxLifetime))
        {
            v.Add("expiresAt", "A time in the future, at most 10 years from now (ISO 8601 UTC).");
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var id = ApiKeyFormat.NewKeyId();
        var key = ApiKeyFormat.NewRoleKey(id);
        var vendor = role switch
        {
            Role.Vendor => request.Vendor,
            Role.Customer => principal.Role == Role.Vendor ? principal.Vendor : request.Vendor,
            _ => null,
        };
        var customer = role == Role.Customer ? request.Customer : null;
        var expires = request.ExpiresAt?.ToUniversalTime();
        await keys.CreateAsync(new ApiKey(id, role!.Value, vendor, customer, request.Name, ApiKeyFormat.Hash(key), now, ExpiresAt: expires), cancellationToken);
        return ApiResponse.Json(StatusCodes.Status201Created, new KeyCreatedResponse(id, key, request.Role!, vendor, customer, request.Name, now, expires))
            .WithHeader("Location", $"/api/keys/{id}");
    }, cancellationToken);

    /// <summary>Keys in id order, <c>limit</c> at a time; <c>next</c> continues after the last one shown.</summary>
    public Task<IResult> ListAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOnly, async (_, cancellationToken) =>
    {
        var v = new Validation();
        var page = ListQuery.Read(http.Request, ApiRoutes.Keys, v);
        if (page.Continuation is { } after && !ApiKeyFormat.IsKeyId(after))
        {
            v.Add("cursor", "Not a cursor this list gave out: pass the `next` of the previous page as it is.");
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var found = await keys.ListAsync(page.Continuation, page.Limit + 1, cancellationToken);
        var shown = found.Take(page.Limit).ToList();
        var next = found.Count > page.Limit ? ListQuery.Next(ApiRoutes.Keys, shown[^1].Id) : null;
        return ApiResponse.Json(StatusCodes.Status200OK, new KeyList([.. shown.Select(ToResponse)], next));
    }, cancellationToken);

    /// <summary>The admin revokes any key; a vendor only the customer keys made for its own systems (any other is not found).</summary>
    public Task<IResult> RevokeAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOrVendor, async (principal, cancellationToken) =>
    {
        if (!ApiKeyFormat.IsKeyId(id))
        {
            return Problems.NotFound($"Key '{id}'");
        }

        if (principal!.Role == Role.Vendor
            && (await keys.GetAsync(id, cancellationToken) is not { Role: Role.Customer } stored || !string.Equals(stored.Vendor, principal.Vendor, StringComparison.Ordinal)))
        {
            return Problems.NotFound($"Key '{id}'");
        }

        var revoked = await keys.RevokeAsync(id, timeProvider.GetUtcNow(), cancellationToken);
        return revoked ? ApiResponse.Empty(StatusCodes.Status204NoContent) : Problems.NotFound($"Key '{id}'");
    }, cancellationToken);

    private static KeyResponse ToResponse(ApiKey k) =>
        new(k.Id, ResponseMapping.Lower(k.Role), k.Vendor, k.Customer, k.Name, k.CreatedAt, k.LastUsedAt, k.ExpiresAt, k.RevokedAt);
}
