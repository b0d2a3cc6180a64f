using GapMonitor.Api.Contracts;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry.Sources;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>The admin's per-customer list of sources GapMonitor may read with its own identity.</summary>
public sealed class CustomersApi(ApiPipeline pipeline, ICustomerSourceStore sources, OutboundNetworkOptions network, TimeProvider timeProvider)
{
    public Task<IResult> PutSourcesAsync(HttpContext http, string customer, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOnly, async (principal, cancellationToken) =>
    {
        if (!SystemRequestValidator.TenantIdPattern().IsMatch(customer))
        {
            return Problems.Validation("customer", "A customer id: 1–63 characters of a–z, 0–9 and '-'.");
        }

        var (request, error) = await RequestBody.ReadJsonAsync<CustomerSourcesRequest>(http.Request, pipeline.MaxRequestBytes, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var v = new Validation();
        var list = CustomerSourcesValidator.Build(v, customer, request!, network.AllowPrivateNetworks, timeProvider.GetUtcNow(), principal!.Name);
        if (list is null)
        {
            return v.ToProblem();
        }

        await sources.PutAsync(list, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, ToResponse(customer, list));
    }, cancellationToken);

    /// <summary>The admin, and the customer's own keys, may read the list.</summary>
    public Task<IResult> GetSourcesAsync(HttpContext http, string customer, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOrCustomer, async (principal, cancellationToken) =>
    {
        // A customer key a vendor minted sees only that vendor's systems, not the customer's own list.
        if (principal!.Role == Role.Customer && (principal.Customer != customer || principal.Vendor is not null))
        {
            return Problems.NotFound($"Customer '{customer}'");
        }

        var list = SystemRequestValidator.TenantIdPattern().IsMatch(customer) ? await sources.GetAsync(customer, cancellationToken) : null;
        return ApiResponse.Json(StatusCodes.Status200OK, ToResponse(customer, list));
    }, cancellationToken);

    private static CustomerSourcesResponse ToResponse(string customer, CustomerSources? list) => new(
        customer,
        [.. (list?.Containers ?? []).Select(c => c.AbsoluteUri)],
        [.. (list?.Workspaces ?? []).Select(w => w.ToString("D"))],
        list?.Vendors,
        list?.UpdatedAt,
        list?.UpdatedBy);
}
