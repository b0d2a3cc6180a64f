using System.Globalization;
using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Ownership;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>The customer confirms it runs operations; anyone in scope reads where that stands.</summary>
public sealed class OwnershipApi(ApiPipeline pipeline, SystemScope scope, OwnershipConfirmation confirmation, TimeProvider timeProvider)
{
    /// <summary>Vendor and ingest keys are refused by role (403) before scope; a vendor-minted customer key by the use case.</summary>
    public Task<IResult> ConfirmAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AdminOrCustomer, async (principal, cancellationToken) =>
    {
        if (await scope.FindAsync(http, principal!, id, cancellationToken) is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var (request, error) = await RequestBody.ReadJsonAsync<ConfirmOwnershipRequest>(http.Request, pipeline.MaxRequestBytes, optional: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var v = new Validation();
        if (request?.By is { } by && (string.IsNullOrWhiteSpace(by) || by.Length > 200))
        {
            v.Add("by", "Not blank, at most 200 characters.");
        }

        if (request?.Note?.Length > 2000)
        {
            v.Add("note", "At most 2000 characters.");
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var result = await confirmation.ConfirmAsync(principal!, id, request?.By?.Trim(), request?.Note, cancellationToken);
        return result.Outcome switch
        {
            OwnershipConfirmationOutcome.Confirmed => ApiResponse.Json(StatusCodes.Status200OK, Confirmed(result.System!)),
            OwnershipConfirmationOutcome.Forbidden => Problems.Forbidden("Only the customer confirms that it runs operations: a customer key of its own, or an admin key. A key minted by the vendor may not confirm on the customer's behalf."),
            OwnershipConfirmationOutcome.Retired => Problems.Conflict("The system is retired; there are no operations to own."),
            _ => Problems.NotFound($"System '{id}'"),
        };
    }, cancellationToken);

    public Task<IResult> GetAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var v = new Validation();
        var page = ListQuery.Read(http.Request, ApiRoutes.SystemOwnership, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var system = found.System;
        var history = system.Handover?.Confirmations ?? [];
        var start = page.Continuation is null ? 0 : PositionAfter(history, page.Continuation);
        var items = history.Skip(start).Take(page.Limit)
            .Select(c => new OwnershipConfirmationResponse(c.At, c.By, c.Actor, c.Note)).ToList();
        var next = start + items.Count < history.Count ? Continuation(history, start + items.Count - 1) : null;
        var last = system.Handover?.LastConfirmation;
        return ApiResponse.Json(StatusCodes.Status200OK, new OwnershipResponse(
            OwnershipRules.StateAt(system, timeProvider.GetUtcNow()).ToString().ToLowerInvariant(),
            OwnershipRules.DueAt(system),
            last?.At,
            last?.By,
            items,
            items,
            ListQuery.Next(ApiRoutes.SystemOwnership, next)));
    }, cancellationToken);

    private static OwnershipConfirmedResponse Confirmed(MonitoredSystem system)
    {
        var last = system.Handover!.LastConfirmation!;
        return new OwnershipConfirmedResponse("confirmed", last.At, last.By, OwnershipRules.DueAt(system));
    }

    /// <summary>
    /// Keyset position, stable while confirmations are added at the front: the last item's time (ticks) and how many
    /// items with that very time were on the pages so far.
    /// </summary>
    private static string Continuation(IReadOnlyList<OwnershipConfirmationRecord> history, int lastIndex)
    {
        var ticks = history[lastIndex].At.UtcTicks;
        var sameTime = history.Take(lastIndex + 1).Count(c => c.At.UtcTicks == ticks);
        return string.Create(CultureInfo.InvariantCulture, $"{ticks}.{sameTime}");
    }

    private static int PositionAfter(IReadOnlyList<OwnershipConfirmationRecord> history, string continuation)
    {
        var parts = continuation.Split('.');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sameTime)
            || sameTime < 1)
        {
            throw new InvalidContinuationException();
        }

        var seen = 0;
        for (var i = 0; i < history.Count; i++)
        {
            var at = history[i].At.UtcTicks;
            if (at < ticks || (at == ticks && ++seen > sameTime))
            {
                return i;
            }
        }

        return history.Count;
    }
}
