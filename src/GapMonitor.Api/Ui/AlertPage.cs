using System.Globalization;
using GapMonitor.Api.Contracts;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Web.Layout;
using GapMonitor.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Ui;

/// <summary>
/// <c>GET /ui/alerts/{id}</c> and its acknowledge form (<c>POST /ui/alerts/{id}/acknowledge</c>): the scope and the
/// acknowledgement of <c>GET</c>/<c>POST /api/alerts/{id}[/acknowledge]</c>; another tenant's alert is not found.
/// </summary>
public sealed class AlertPage(ConsoleResponder responder, IAlertStore alerts, SystemScope scope, AlertAcknowledgement acknowledgement)
{
    public const int MaxNoteLength = 2000;

    public Task<IResult> GetAsync(HttpContext http, string id, CancellationToken cancellationToken) => responder.PageAsync(http, async (context, cancellationToken) =>
    {
        var found = await FindAsync(context.Principal, id, cancellationToken);
        if (found is not { } visible)
        {
            return await responder.NotFoundAsync(context.Viewer);
        }

        return ConsoleAnswer.Page(await responder.Html.RenderAsync<AlertView>(new Dictionary<string, object?>
        {
            [nameof(AlertView.Viewer)] = context.Viewer,
            [nameof(AlertView.Alert)] = visible.Alert.Alert,
            [nameof(AlertView.SystemName)] = visible.System.System.Name,
            [nameof(AlertView.History)] = History(visible.Alert, context.Principal),
        }));
    }, cancellationToken);

    public Task<IResult> AcknowledgeAsync(HttpContext http, string id, CancellationToken cancellationToken) => responder.FormAsync(http, async (context, form, cancellationToken) =>
    {
        if (await FindAsync(context.Principal, id, cancellationToken) is null)
        {
            return await responder.NotFoundAsync(context.Viewer);
        }

        var note = form["note"].ToString().Trim();
        if (note.Length > MaxNoteLength)
        {
            return await responder.MessageAsync(StatusCodes.Status400BadRequest, "The note is too long", $"A note has at most {MaxNoteLength} characters. Nothing was changed.", context.Viewer);
        }

        var outcome = await acknowledgement.AcknowledgeAsync(context.Principal, id, by: null, note.Length == 0 ? null : note, cancellationToken);
        return outcome switch
        {
            AcknowledgeOutcome.NotFound => await responder.NotFoundAsync(context.Viewer),
            AcknowledgeOutcome.AlreadyResolved => await responder.MessageAsync(StatusCodes.Status409Conflict, "Already resolved", "This alert was resolved before it was acknowledged. Nothing was changed.", context.Viewer),
            _ => ConsoleAnswer.Redirect(ConsoleLinks.Alert(id)),
        };
    }, cancellationToken);

    private async Task<(AlertWithHistory Alert, SystemWithAlerts System)?> FindAsync(Principal principal, string id, CancellationToken cancellationToken)
    {
        if (id.Length > 200 || IdGenerator.SystemIdOfAlert(id) is not { } systemId || await scope.FindAsync(principal, systemId, cancellationToken: cancellationToken) is not { } system)
        {
            return null;
        }

        return await alerts.GetAsync(id, cancellationToken) is { } alert ? (alert, system) : null;
    }

    /// <summary>What happened to the alert, oldest first: its transitions and every notification about it (webhook URLs only to who may see them, as in the API).</summary>
    private static List<AlertHistoryLine> History(AlertWithHistory found, Principal viewer)
    {
        var alert = found.Alert;
        var lines = new List<AlertHistoryLine> { new(alert.OpenedAt, "Opened", "Operated by the " + Lower(alert.OwnerAtOpening) + " when it opened.") };
        if (alert.ReopenedAt is { } reopened)
        {
            lines.Add(new(reopened, "Reopened", "The acknowledgement expired."));
        }

        if (alert.EscalatedAt is { } escalated)
        {
            lines.Add(new(escalated, "Escalated", "Not acknowledged in time."));
        }

        if (alert.AcknowledgedAt is { } acknowledged)
        {
            lines.Add(new(acknowledged, "Acknowledged", $"By {alert.AcknowledgedBy}{(alert.AcknowledgementNote is { } note ? ": " + note : "")}"));
        }

        if (alert.ResolvedAt is { } resolved)
        {
            lines.Add(new(resolved, "Resolved", alert.Resolution ?? ""));
        }

        foreach (var notification in found.Notifications)
        {
            var target = notification.Channel == NotificationChannel.Webhook && !viewer.SeesContactsOf(notification.Party)
                ? (Uri.TryCreate(notification.Target, UriKind.Absolute, out var uri) ? uri.Host : "")
                : notification.Target;
            var attempts = notification.Attempts == 1 ? "1 attempt" : notification.Attempts.ToString(CultureInfo.InvariantCulture) + " attempts";
            lines.Add(new(
                notification.CreatedAt,
                $"Notified the {Lower(notification.Party)} ({notification.Type})",
                $"{Lower(notification.Channel)} {target}: {Lower(notification.State)}, {attempts}{(notification.LastError is { } error ? " — " + (viewer.SeesContactsOf(notification.Party) ? error : DeliveryMapping.WithoutUrls(error, notification.Target)) : "")}"));
        }

        return [.. lines.OrderBy(l => l.At)];
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
