using GapMonitor.Api.Contracts;
using GapMonitor.Api.Pipeline;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Status;
using GapMonitor.Core.Systems;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Endpoints;

/// <summary>A system's state read as a scorecard of the practices that handover puts at risk, backed by its signals and alerts.</summary>
public sealed class StatusApi(ApiPipeline pipeline, SystemStatusQuery query)
{
    public Task<IResult> GetAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var status = await query.GetAsync(principal!, id, cancellationToken);
        return status is null
            ? Problems.NotFound($"System '{id}'")
            : ApiResponse.Json(StatusCodes.Status200OK, ToResponse(status));
    }, cancellationToken);

    private static SystemStatusResponse ToResponse(SystemStatus status)
    {
        var s = status.System;
        var heartbeat = new HeartbeatStatusResponse(
            ResponseMapping.Lower(status.Heartbeat),
            s.Signals.LastHeartbeatAt,
            s.Signals.LastHeartbeatStatus is { } st ? ResponseMapping.Lower(st) : null,
            s.Signals.LastHeartbeatMessage,
            s.Signals.LastOkHeartbeatAt,
            HeartbeatRules.DownAfter(s));
        var deployment = s.Signals.LastDeploymentAt is { } at ? new DeploymentStatusResponse(at, s.Signals.LastDeployedModelVersion) : null;
        return new SystemStatusResponse(
            s.Id,
            s.Name,
            s.IsRetired,
            ResponseMapping.Lower(s.OperationsOwnerAt(status.At)),
            s.HandoverAt,
            s.HandoverAt + s.VendorGracePeriod,
            heartbeat,
            deployment,
            [.. status.Gaps.Select(g => new GapResponse(g.Kind, g.Practice, g.Summary, g.OpenedAt))],
            [.. status.ActiveAlerts.Select(a => a.ToResponse())],
            [.. status.Practices.Select(p => new PracticeResponse(p.Name, p.State, p.Detail))],
            ToResponse(status.System.Signals, status.Telemetry));
    }

    private static TelemetryStatusResponse? ToResponse(SignalState signals, TelemetryStatus? telemetry)
    {
        if (telemetry is null)
        {
            return null;
        }

        var (state, latest) = (telemetry.State, telemetry.LatestWindow);
        var drift = signals.Drift;
        return new TelemetryStatusResponse(
            signals.LastTelemetryAt,
            signals.LastSeenModelVersion,
            signals.ReferenceVersion,
            drift is null ? null : new DriftSignalResponse(drift.WindowStart, drift.WindowEnd, drift.DatasetDrift, drift.DriftedColumns, drift.DriftShare, drift.CleanStreak, drift.DriftedCount),
            state?.Windows.Keys.Cast<DateTimeOffset?>().FirstOrDefault(),
            state?.OpenRows ?? 0,
            state?.RecordsRead ?? 0,
            state?.MalformedLines ?? 0,
            state?.LastPullAt,
            state?.LastPullError,
            latest is null ? [] : [.. latest.Findings.Select(f => new FindingResponse(f.Kind, f.Column, f.Detail, f.Value))],
            signals.Performance?.ToResponse());
    }
}
