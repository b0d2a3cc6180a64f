using System.Text.Json;
using Spectre.Console;

namespace GapMonitor.Cli.Demo;

/// <summary>
/// The demo's timeline: register the fleet, send heartbeats, confirm ownership by link, silence planned work, go silent,
/// sweep, acknowledge (and let the acknowledgement expire), recover, remind.
/// </summary>
internal sealed class DemoStory(DemoApiClient api, string adminKey, DemoWebhookReceiver receiver, IReadOnlyDictionary<string, string> secrets)
{
    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> IngestKeys { get; } = new(StringComparer.Ordinal);

    public async Task PlayAsync(CancellationToken cancellationToken)
    {
        Keys["admin"] = adminKey;
        await Step("Creating vendor and customer keys", async () =>
        {
            foreach (var vendor in DemoFleet.Systems.Select(s => s.Vendor).Distinct())
            {
                Keys[$"vendor {vendor}"] = await CreateKeyAsync(new { role = "vendor", vendor, name = $"{vendor} operations" }, cancellationToken);
            }

            foreach (var customer in DemoFleet.Systems.Select(s => s.Customer).Distinct())
            {
                Keys[$"customer {customer}"] = await CreateKeyAsync(new { role = "customer", customer, name = $"{customer} ML ops" }, cancellationToken);
            }
        });

        await Step("Vendors register their handed-over systems", async () =>
        {
            var now = TimeProvider.System.GetUtcNow();
            foreach (var s in DemoFleet.Systems)
            {
                var created = await api.PostAsync("/api/systems", Keys[$"vendor {s.Vendor}"], DemoFleet.Registration(s, now, receiver.Url, secrets), cancellationToken);
                IngestKeys[s.Id] = created.GetProperty("ingestKey").GetString()!;
                AnsiConsole.MarkupLineInterpolated($"  [green]✓[/] [bold]{s.Id}[/] ({s.Vendor} → {s.Customer}): [grey]{s.Story}[/]");
            }
        });

        await Step($"The vendor uploads {DemoFleet.DriftingSystem}'s reference data; its scoring service pushes inference rows that have drifted", async () =>
        {
            await api.PutCsvAsync($"/api/systems/{DemoFleet.DriftingSystem}/reference", Keys["vendor contoso-ml"], DemoData.ReferenceCsv(), cancellationToken);
            await api.PostAsync($"/api/systems/{DemoFleet.DriftingSystem}/telemetry?batchId=demo-1&modelVersion=1.0.0", IngestKeys[DemoFleet.DriftingSystem], DemoData.DriftedRows(), cancellationToken);
        });

        await Step($"Fabrikam uploads {DemoFleet.ConceptDriftSystem}'s reference with the model's outputs and true outcomes; Globex's scoring service pushes today's scored applicants, which look just like the reference", async () =>
        {
            await api.PutCsvAsync($"/api/systems/{DemoFleet.ConceptDriftSystem}/reference", Keys["vendor fabrikam-ai"], DemoCreditData.ReferenceCsv(), cancellationToken);
            await api.PostAsync($"/api/systems/{DemoFleet.ConceptDriftSystem}/telemetry?batchId=scored-1&modelVersion=1.0.0", IngestKeys[DemoFleet.ConceptDriftSystem], DemoCreditData.ScoredRows(), cancellationToken);
        });

        await Step("Customers' monitoring sends heartbeats", async () =>
        {
            foreach (var s in DemoFleet.Systems.Where(s => s.Behaviour != Behaviour.NeverReports))
            {
                var failing = s.Behaviour == Behaviour.Failing;
                await HeartbeatAsync(s.Id, failing ? "fail" : "ok", failing ? "Nightly drift job crashed: out of memory" : null, cancellationToken);
            }
        });

        await SweepAsync("Sweep 1: the failing heartbeat opened an alert on arrival; the sweep delivers it", cancellationToken);
        var failingAlert = await FindAlertAsync("globex-forecast", "monitoring-failing", cancellationToken);
        if (failingAlert is not null)
        {
            await Step("Globex acknowledges its alert (so it will not be escalated)", () => api.PostAsync(
                $"/api/alerts/{failingAlert}/acknowledge", Keys["customer globex"], new { by = "dana@globex.example", note = "Restarting the drift job with more memory." }, cancellationToken));
        }

        await ConfirmOwnershipByLinkAsync("acme", "acme-churn", cancellationToken);
        await Step("Fabrikam silences initech-vision's monitoring alerts for 2 minutes of planned maintenance; Initech is told (silence.created)", () => api.PostAsync(
            "/api/silences", Keys["vendor fabrikam-ai"], new { systemId = "initech-vision", kinds = new[] { "monitoring-silent" }, endsAt = TimeProvider.System.GetUtcNow().AddMinutes(2), reason = "Planned maintenance of the monitoring job", by = "kim@fabrikam.example" }, cancellationToken));

        await WaitAsync("acme-fraud and initech-vision stay silent past period + grace (15 s)…", TimeSpan.FromSeconds(17), cancellationToken);
        await SweepAsync("Sweep 2: silence detected and the drift window closed, owners told (initech-vision's alert opens silenced: nobody is told)", cancellationToken);
        await PostOutcomesAsync(cancellationToken);
        await WaitAsync("Nobody acknowledges within acknowledgeWithin (20 s); Globex's acknowledgement lasts only 25 s…", TimeSpan.FromSeconds(21), cancellationToken);
        await SweepAsync("Sweep 3: unacknowledged alerts escalate to the other party; Globex's acknowledgement expired, so its alert is open again", cancellationToken);

        await Step("ACME's monitoring comes back: a fresh heartbeat resolves the silent alert", () => HeartbeatAsync("acme-fraud", "ok", "Scheduler restarted", cancellationToken));
        await SweepAsync("Sweep 4: the heartbeat resolved the alert; the sweep tells everyone who was told", cancellationToken);
        await WaitAsync("What is still open keeps reminding everyone told, every remindEvery (15 s)…", TimeSpan.FromSeconds(16), cancellationToken);
        await SweepAsync("Sweep 5: reminders for the alerts still open (alert.reminder)", cancellationToken);
    }

    /// <summary>
    /// The credit model's window has closed: no input drift and a reassuring estimate. Then the true outcomes arrive
    /// ("two days later") and the realized metrics of that window are computed: the next sweep opens <c>performance-degraded</c>.
    /// </summary>
    private async Task PostOutcomesAsync(CancellationToken cancellationToken)
    {
        var system = DemoFleet.ConceptDriftSystem;
        await Step($"Two days later the true outcomes of {system}'s loans arrive: Globex posts them as labels", async () =>
        {
            var joined = await api.PostAsync($"/api/systems/{system}/labels?batchId=outcomes-1", Keys["customer globex"], DemoCreditData.Outcomes(), cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"  [green]✓[/] {joined.GetProperty("matched").GetInt32()} labels joined the stored predictions");
            var windows = await api.GetAsync($"/api/systems/{system}/drift", Keys["customer globex"], cancellationToken);
            foreach (var window in windows.GetProperty("items").EnumerateArray().Take(1))
            {
                var drifted = window.GetProperty("datasetDrift").GetBoolean();
                var performance = window.GetProperty("performance");
                AnsiConsole.MarkupLineInterpolated($"  window {window.GetProperty("windowStart").GetDateTimeOffset():HH:mm:ss}: input drift [bold]{(drifted ? "yes" : "no")}[/], {DemoPerformanceText.Describe(performance)}");
            }

            AnsiConsole.MarkupLine("  [grey]Neither input drift nor the label-free estimate could see this: the next sweep opens performance-degraded for Globex, which owns operations[/]");
        });
    }

    /// <summary>
    /// The customer clicks the <c>confirmOwnership</c> link of the <c>handover.started</c> notice its webhook received:
    /// the GET shows what it will do, the POST confirms, as the webhook's host.
    /// </summary>
    private async Task ConfirmOwnershipByLinkAsync(string customer, string systemId, CancellationToken cancellationToken)
    {
        var notice = receiver.Received.FirstOrDefault(w => w.Receiver == customer && w.SystemId == systemId && w.Type == "handover.started");
        if (notice?.Links?.GetValueOrDefault("confirmOwnership") is not { } link)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]No handover.started with a confirmOwnership link reached {customer}'s webhook yet; skipping the confirmation.[/]");
            return;
        }

        await Step($"{customer} confirms it runs operations of {systemId}: one click on the link in its handover.started webhook", async () =>
        {
            AnsiConsole.MarkupLineInterpolated($"  [grey]GET  {link[..Math.Min(link.Length, 60)]}… shows what it will do (mail scanners change nothing); POST confirms[/]");
            await api.SendFormAsync(link, cancellationToken);
            var ownership = await api.GetAsync($"/api/systems/{systemId}/ownership", Keys[$"customer {customer}"], cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"  [green]✓[/] ownership {ownership.GetProperty("state").GetString()} by {ownership.GetProperty("confirmedBy").GetString()}; next due {ownership.GetProperty("dueAt").GetDateTimeOffset():yyyy-MM-dd HH:mm} UTC");
        });
    }

    /// <summary>Keeps the healthy systems' heartbeats coming while the demo service stays up.</summary>
    public async Task KeepHealthyAliveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await SendHealthyHeartbeatsAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
    }

    private async Task SweepAsync(string title, CancellationToken cancellationToken)
    {
        await SendHealthyHeartbeatsAsync(cancellationToken);
        var summary = await api.PostAsync("/api/sweep", adminKey, null, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"[bold deepskyblue1]⟳ {title}[/]: {summary.GetProperty("systemsEvaluated").GetInt32()} systems, [red]{summary.GetProperty("alertsOpened").GetInt32()} opened[/], [orange1]{summary.GetProperty("alertsEscalated").GetInt32()} escalated[/], [green]{summary.GetProperty("alertsResolved").GetInt32()} resolved[/], {summary.GetProperty("notificationsDelivered").GetInt32()} notifications delivered");
    }

    private async Task WaitAsync(string what, TimeSpan duration, CancellationToken cancellationToken)
    {
        await AnsiConsole.Status().StartAsync(what, async _ =>
        {
            var until = TimeProvider.System.GetUtcNow() + duration;
            while (TimeProvider.System.GetUtcNow() < until)
            {
                await SendHealthyHeartbeatsAsync(cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            }
        });
        AnsiConsole.MarkupLineInterpolated($"[grey]… {what}[/]");
    }

    private async Task SendHealthyHeartbeatsAsync(CancellationToken cancellationToken)
    {
        foreach (var s in DemoFleet.Systems.Where(s => s.Behaviour is Behaviour.Healthy or Behaviour.Failing))
        {
            var failing = s.Behaviour == Behaviour.Failing;
            await HeartbeatAsync(s.Id, failing ? "fail" : "ok", failing ? "Nightly drift job crashed: out of memory" : null, cancellationToken);
        }
    }

    private Task HeartbeatAsync(string systemId, string status, string? message, CancellationToken cancellationToken) =>
        api.PostAsync($"/api/systems/{systemId}/heartbeats", IngestKeys[systemId], new { status, message }, cancellationToken);

    private async Task<string> CreateKeyAsync(object body, CancellationToken cancellationToken) =>
        (await api.PostAsync("/api/keys", adminKey, body, cancellationToken)).GetProperty("key").GetString()!;

    private async Task<string?> FindAlertAsync(string systemId, string kind, CancellationToken cancellationToken)
    {
        var list = await api.GetAsync($"/api/alerts?systemId={systemId}&kind={kind}", adminKey, cancellationToken);
        return list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).FirstOrDefault();
    }

    private static async Task Step(string title, Func<Task> action)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]▸ {title}[/]");
        await action();
    }

    private static Task Step(string title, Func<Task<JsonElement>> action) => Step(title, async () => { await action(); });
}
