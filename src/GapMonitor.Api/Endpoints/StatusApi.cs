using GapMonitor.Api.Contracts;
using GapMonitor.Api.Http;
using GapMonitor.Api.Mapping;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>A system's state read as a scorecard of the practices that handover puts at risk, backed by its signals and alerts.</summary>
public sealed class StatusApi(ApiPipeline pipeline, SystemsApi systems, ITelemetryStateStore telemetryStates, IDriftWindowStore driftWindows, TimeProvider timeProvider)
{
    public Task<IResult> GetAsync(HttpContext http, string id) => pipeline.RunAsync(http, Access.AnyRole, async principal =>
    {
        var found = await systems.FindAsync(http, principal!, id);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var now = timeProvider.GetUtcNow();
        var s = found.System;
        var state = HeartbeatRules.StateAt(s, now);
        var active = found.ActiveAlerts.OrderBy(a => a.OpenedAt).ToList();
        var heartbeat = new HeartbeatStatusResponse(
            ResponseMapping.Lower(state),
            s.Signals.LastHeartbeatAt,
            s.Signals.LastHeartbeatStatus is { } st ? ResponseMapping.Lower(st) : null,
            s.Signals.LastHeartbeatMessage,
            s.Signals.LastOkHeartbeatAt,
            HeartbeatRules.DownAfter(s));
        var deployment = s.Signals.LastDeploymentAt is { } at ? new DeploymentStatusResponse(at, s.Signals.LastDeployedModelVersion) : null;
        return ApiResponse.Json(StatusCodes.Status200OK, new SystemStatusResponse(
            s.Id,
            s.Name,
            s.IsRetired,
            ResponseMapping.Lower(s.OperationsOwnerAt(now)),
            s.HandoverAt,
            s.HandoverAt + s.VendorGracePeriod,
            heartbeat,
            deployment,
            [.. active.Select(a => new GapResponse(a.Kind, PracticeOf(a.Kind), a.Summary, a.OpenedAt))],
            [.. active.Select(a => a.ToResponse())],
            Practices(s, state, active, now),
            await TelemetryAsync(s, http.RequestAborted)));
    });

    private async Task<TelemetryStatusResponse?> TelemetryAsync(MonitoredSystem s, CancellationToken cancellationToken)
    {
        if (s.Telemetry is null && s.Signals.ReferenceVersion is null && s.Signals.LastTelemetryAt is null)
        {
            return null;
        }

        var (state, _) = await telemetryStates.GetAsync(s.Id, cancellationToken);
        var latest = (await driftWindows.ListAsync(s.Id, null, null, 1, cancellationToken)).FirstOrDefault();
        var drift = s.Signals.Drift;
        return new TelemetryStatusResponse(
            s.Signals.LastTelemetryAt,
            s.Signals.LastSeenModelVersion,
            s.Signals.ReferenceVersion,
            drift is null ? null : new DriftSignalResponse(drift.WindowStart, drift.WindowEnd, drift.DatasetDrift, drift.DriftedColumns, drift.DriftShare, drift.CleanStreak, drift.DriftedCount),
            state?.Windows.Keys.Cast<DateTimeOffset?>().FirstOrDefault(),
            state?.OpenRows ?? 0,
            state?.RecordsRead ?? 0,
            state?.MalformedLines ?? 0,
            state?.LastPullAt,
            state?.LastPullError,
            latest is null ? [] : [.. latest.Findings.Select(f => new FindingResponse(f.Kind, f.Column, f.Detail, f.Value))]);
    }

    private static string PracticeOf(string kind) => kind switch
    {
        AlertKinds.MonitoringSilent or AlertKinds.MonitoringFailing or AlertKinds.TelemetryStale => "run-time monitoring",
        AlertKinds.DeploymentUnannounced => "continuous deployment",
        AlertKinds.DriftDetected => "continuous evolution",
        AlertKinds.OwnershipUnconfirmed or AlertKinds.ContactUnreachable => "continuous trust",
        _ => "continuous use",
    };

    private static List<PracticeResponse> Practices(MonitoredSystem s, HeartbeatState state, List<Alert> active, DateTimeOffset now)
    {
        var monitoring = state switch
        {
            HeartbeatState.Up when s.Signals.LastHeartbeatStatus == HeartbeatStatus.Fail =>
                new PracticeResponse("run-time monitoring", "gap", $"Monitoring runs but reports failure: {s.Signals.LastHeartbeatMessage}"),
            HeartbeatState.Up => new PracticeResponse("run-time monitoring", "ok", $"Last heartbeat {s.Signals.LastHeartbeatAt:O}."),
            HeartbeatState.Late => new PracticeResponse("run-time monitoring", "at-risk", $"Heartbeat overdue since {s.Signals.LastHeartbeatAt + s.Monitoring.HeartbeatPeriod:O}."),
            HeartbeatState.Down => new PracticeResponse("run-time monitoring", "gap", $"Silent since {HeartbeatRules.SilenceStartedAt(s):O}."),
            _ => new PracticeResponse("run-time monitoring", "pending", $"Waiting for the first heartbeat (due by {HeartbeatRules.DownAfter(s):O})."),
        };
        var deployment = s.Signals.LastDeploymentAt is { } at
            ? new PracticeResponse("continuous deployment", "ok", $"Model {s.Signals.LastDeployedModelVersion} deployed {at:O}.")
            : new PracticeResponse("continuous deployment", "unknown", "No deployment event reported since registration.");
        var overdue = active.Where(a => a.State == AlertState.Open && now >= a.OpenedAt + s.AcknowledgeWithin).ToList();
        var trust = overdue.Count > 0
            ? new PracticeResponse("continuous trust", "gap", $"{overdue.Count} alert(s) unacknowledged beyond {Durations.Format(s.AcknowledgeWithin)}.")
            : new PracticeResponse("continuous trust", "ok", active.Count == 0 ? "No open alerts." : "Open alerts are within their acknowledgement window or acknowledged.");
        var owner = s.OperationsOwnerAt(now);
        var ownership = s.ContactsOf(owner).Any()
            ? new PracticeResponse("continuous use", "ok", $"The {ResponseMapping.Lower(owner)} owns operations and has contacts on file.")
            : new PracticeResponse("continuous use", "gap", $"The {ResponseMapping.Lower(owner)} owns operations but has no contact on file.");
        return [monitoring, deployment, trust, ownership];
    }
}
