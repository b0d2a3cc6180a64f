using GapMonitor.Api.Contracts;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>Admin-only key management. The key is returned once; only its hash is stored.</summary>
public sealed class KeysApi(ApiPipeline pipeline, IApiKeyStore keys, TimeProvider timeProvider)
{
    public Task<IResult> CreateAsync(HttpContext http, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOnly, async (_, cancellationToken) =>
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

        if (role == Role.Vendor && string.IsNullOrWhiteSpace(request.Vendor))
        {
            v.Add("vendor", "Required for a vendor key: the vendor id it is scoped to.");
        }

        if (role == Role.Customer && string.IsNullOrWhiteSpace(request.Customer))
        {
            v.Add("customer", "Required for a customer key: the customer id it is scoped to.");
        }

        if (request.Name?.Length > 200)
        {
            v.Add("name", "At most 200 characters.");
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var id = ApiKeyFormat.NewKeyId();
        var key = ApiKeyFormat.NewRoleKey(id);
        var now = timeProvider.GetUtcNow();
        var vendor = role == Role.Vendor ? request.Vendor : null;
        var customer = role == Role.Customer ? request.Customer : null;
        await keys.CreateAsync(new ApiKey(id, role!.Value, vendor, customer, request.Name, ApiKeyFormat.Hash(key), now), cancellationToken);
        return ApiResponse.Json(StatusCodes.Status201Created, new KeyCreatedResponse(id, key, request.Role!, vendor, customer, request.Name, now))
            .WithHeader("Location", $"/api/keys/{id}");
    }, cancellationToken);

    public Task<IResult> RevokeAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOnly, async (_, cancellationToken) =>
    {
        var revoked = ApiKeyFormat.IsKeyId(id) && await keys.RevokeAsync(id, timeProvider.GetUtcNow(), cancellationToken);
        return revoked ? ApiResponse.Empty(StatusCodes.Status204NoContent) : Problems.NotFound($"Key '{id}'");
    }, cancellationToken);
}
