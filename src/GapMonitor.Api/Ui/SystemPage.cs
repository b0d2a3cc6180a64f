using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Ownership;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Scorecards;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Status;
using GapMonitor.Web.Pages.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Ui;

/// <summary><c>GET /ui/systems/{id}</c>: status, heartbeats, alerts, ownership, silences, drift and performance over time, distributions, scorecard, deliveries and audit.</summary>
public sealed class SystemPage(
    ConsoleResponder responder,
    SystemStatusQuery statusQuery,
    ScorecardQuery scorecards,
    ISignalHistory signals,
    IAlertStore alerts,
    ISilenceStore silences,
    IDeliveryLog deliveries,
    ISystemStore systems,
    IDriftWindowStore windows)
{
    /// <summary>Every list is bounded so the page stays small (≤ 200 KB); the API lists the rest.</summary>
    public static readonly ListLimits Limits = new(Heartbeats: 500, Alerts: 20, Deliveries: 20, Audit: 20, Windows: 50, ApiBase: "/" + ApiRoutes.Prefix);

    private const int MaxSilences = 20;
    private const int MaxConfirmations = 10;
    private static readonly TimeSpan TimelineSpan = TimeSpan.FromDays(7);

    public Task<IResult> GetAsync(HttpContext http, string id, CancellationToken cancellationToken) => responder.PageAsync(http, async (context, cancellationToken) =>
    {
        var status = await statusQuery.GetAsync(context.Principal, id, cancellationToken);
        if (status is null)
        {
            return await responder.NotFoundAsync(context.Viewer);
        }

        var system = status.System;
        var now = status.At;
        var heartbeats = await signals.RecentHeartbeatsAsync(id, Limits.Heartbeats, cancellationToken);
        var recent = await alerts.ListPageAsync(new AlertQuery(SystemId: id), PageRequest.First(Limits.Alerts), cancellationToken);
        var silent = await alerts.ListPageAsync(new AlertQuery(SystemId: id, Kind: AlertKinds.MonitoringSilent, OpenedFrom: now - TimelineSpan), PageRequest.First(Limits.Alerts), cancellationToken);
        var silentBefore = await alerts.ListPageAsync(new AlertQuery(SystemId: id, Kind: AlertKinds.MonitoringSilent, OpenedBefore: now - TimelineSpan), PageRequest.First(1), cancellationToken);
        var current = new List<Silence>();
        foreach (var window in system.Silences.Where(w => w.EndsAt > now).OrderBy(w => w.StartsAt).Take(MaxSilences))
        {
            if (await silences.GetAsync(window.Id, cancellationToken) is { } silence && !silence.HasEnded(now))
            {
                current.Add(silence);
            }
        }

        var sent = await deliveries.ListNewestFirstAsync(id, system.RegisteredAt, PageRequest.First(Limits.Deliveries), cancellationToken);
        var audit = await systems.GetAuditPageAsync(id, PageRequest.First(Limits.Audit), cancellationToken);
        var closed = await windows.ListAsync(id, null, null, Limits.Windows, cancellationToken);
        if (closed.Count > 0 && await windows.GetAsync(id, closed[0].WindowStart, cancellationToken) is { } latest)
        {
            // The list is for the over-time charts; only the single read carries the latest window's distributions.
            closed = [latest, .. closed.Skip(1)];
        }

        var scorecard = await scorecards.GetAsync(context.Principal, id, null, null, cancellationToken);
        var confirmations = system.Handover?.Confirmations ?? [];

        var model = new SystemPageModel(
            status,
            heartbeats,
            DownPeriods(silent.Items.Concat(silentBefore.Items).Concat(status.ActiveAlerts.Where(a => a.Kind == AlertKinds.MonitoringSilent)), now),
            recent.Items,
            new OwnershipView(OwnershipRules.StateAt(system, now), OwnershipRules.DueAt(system), [.. confirmations.Take(MaxConfirmations)], confirmations.Count),
            [.. system.ToResponse(now, context.Principal).Contacts.Select(c => new ContactRow(c.Party, c.Email, c.Webhook is null ? null : c.Webhook.Url ?? c.Webhook.Host))],
            current,
            [.. sent.Items.Select(n => n.ToDelivery()).Select(d => new DeliveryRow(d.Type, d.Party, d.Channel, d.To, d.State, d.Attempts, d.CreatedAt, d.LastError))],
            audit.Items,
            closed,
            scorecard,
            Limits);
        return ConsoleAnswer.Page(await responder.Html.RenderAsync<SystemView>(new Dictionary<string, object?>
        {
            [nameof(SystemView.Model)] = model,
            [nameof(SystemView.Viewer)] = context.Viewer,
        }));
    }, cancellationToken);

    /// <summary>Each monitoring-silent alert once (the active ones come from the status, older ones from before the span), open ones ending now.</summary>
    private static List<DownPeriod> DownPeriods(IEnumerable<Alert> silentAlerts, DateTimeOffset now) =>
        [.. silentAlerts.DistinctBy(a => a.Id).OrderBy(a => a.OpenedAt).Select(a => new DownPeriod(a.OpenedAt, a.ResolvedAt ?? now, a.ResolvedAt is null))];
}
