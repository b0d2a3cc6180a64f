using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Ownership;
using GapMonitor.Core.Scorecards;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Status;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Web.Pages.Systems;

/// <summary>Everything the system page shows, gathered and scoped by the host (contacts and deliveries already masked for the viewer).</summary>
/// <param name="Heartbeats">The newest heartbeats, newest first (bounded).</param>
/// <param name="DownPeriods">When monitoring went silent (from <c>monitoring-silent</c> alerts), open ones ending now.</param>
/// <param name="RecentAlerts">The newest alerts, newest first (bounded).</param>
/// <param name="Windows">The newest closed drift windows, newest first (bounded).</param>
/// <param name="Scorecard">Null when it could not be measured.</param>
public sealed record SystemPageModel(
    SystemStatus Status,
    IReadOnlyList<Heartbeat> Heartbeats,
    IReadOnlyList<DownPeriod> DownPeriods,
    IReadOnlyList<Alert> RecentAlerts,
    OwnershipView Ownership,
    IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<Silence> Silences,
    IReadOnlyList<DeliveryRow> Deliveries,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<DriftWindowRecord> Windows,
    Scorecard? Scorecard,
    ListLimits Limits)
{
    public MonitoredSystem System => Status.System;

    public DateTimeOffset Now => Status.At;
}

/// <summary>A stretch of time in which the system's monitoring was silent.</summary>
public sealed record DownPeriod(DateTimeOffset From, DateTimeOffset To, bool Ongoing);

/// <summary>Ownership after handover: its state, when a confirmation is due, and the confirmations so far (newest first, bounded).</summary>
public sealed record OwnershipView(OwnershipState State, DateTimeOffset DueAt, IReadOnlyList<OwnershipConfirmationRecord> Confirmations, int TotalConfirmations);

/// <summary>A contact as the viewer may see it: a webhook's URL only to the party that owns it and to admins, else its host.</summary>
public sealed record ContactRow(string Party, string? Email, string? Webhook);

/// <summary>A notification's fate, its target shown as an address or a webhook host.</summary>
public sealed record DeliveryRow(string Type, string Party, string Channel, string To, string State, int Attempts, DateTimeOffset CreatedAt, string? LastError);

/// <summary>How many items each bounded list shows, and where the API lists more.</summary>
public sealed record ListLimits(int Heartbeats, int Alerts, int Deliveries, int Audit, int Windows, string ApiBase);
