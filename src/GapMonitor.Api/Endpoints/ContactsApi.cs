using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>Reaching people: test a system's contacts (<c>POST …/contacts/test</c>) and see every notification's fate (<c>GET …/deliveries</c>).</summary>
public sealed class ContactsApi(ApiPipeline pipeline, SystemScope scope, ContactTest contactTest, IDeliveryLog deliveries)
{
    public Task<IResult> TestAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        if (await scope.FindAsync(http, principal!, id, cancellationToken) is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var (request, error) = await RequestBody.ReadJsonAsync<ContactTestRequest>(http.Request, pipeline.MaxRequestBytes, optional: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        IReadOnlyList<Core.Notifications.Notification>? sent;
        try
        {
            sent = await contactTest.SendAsync(id, request?.Contact, principal!, cancellationToken);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return Problems.Validation("contact", FirstLine(ex.Message));
        }
        catch (UnauthorizedAccessException ex)
        {
            return Problems.ForbiddenField("contact", ex.Message);
        }

        if (sent is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        return ApiResponse.Json(StatusCodes.Status202Accepted, new ContactTestAccepted(
            [.. sent.Select(n => new ContactTestNotification(n.Id, n.Channel.ToString().ToLowerInvariant(), ContactNames.Of(n.Target)))]));
    }, cancellationToken);

    public Task<IResult> DeliveriesAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var v = new Validation();
        var page = ListQuery.Read(http.Request, ApiRoutes.SystemDeliveries, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var notifications = await deliveries.ListNewestFirstAsync(id, found.System.RegisteredAt, page, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new DeliveryList(
            [.. notifications.Items.Select(n => n.ToDelivery())],
            ListQuery.Next(ApiRoutes.SystemDeliveries, notifications.Continuation)));
    }, cancellationToken);

    /// <summary>ArgumentException appends "(Parameter …)" and the value on lines of their own.</summary>
    private static string FirstLine(string message) => message.Split('\n')[0].Split(" (Parameter")[0].Trim();
}
