using System.Diagnostics;
using System.Text.Json;
using GapMonitor.Cli.Ops;
using GapMonitor.Testing;

namespace GapMonitor.Cli.Tests.Ops;

/// <summary>
/// The ops commands against the real API on a loopback port and Azurite: three systems of one vendor and customer,
/// one sending heartbeats, two fallen silent with an alert open on each.
/// </summary>
public sealed class OpsCommandsJourneyTests : IAsyncLifetime
{
    private OpsApiHost _host = null!;
    private string _vendor = null!;
    private string _customer = null!;
    private string _url = null!;
    private DateTimeOffset _heartbeatAt;
    private readonly OpsCli _cli = new();

    public async Task InitializeAsync()
    {
        _host = await OpsApiHost.StartAsync();
        _url = _host.Url.AbsoluteUri;
        _vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        _customer = await _host.CreateKeyAsync("customer", customer: "acme");
        foreach (var id in new[] { "acme-churn", "acme-fraud", "acme-upsell" })
        {
            await _host.RegisterAsync(_vendor, id, "contoso-ml", "acme");
        }

        _host.Time.Advance(TimeSpan.FromMinutes(8));
        _heartbeatAt = _host.Time.GetUtcNow();
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/acme-churn/heartbeats", OpsApiHost.AdminKey, new { status = "ok" }, 202);
        await _host.JsonAsync(HttpMethod.Post, "/api/sweep", OpsApiHost.AdminKey);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Fleet_Table_ShowsEverySystem_HumanTimes_AndTheTotals()
    {
        var (exit, output, error) = await _cli.RunAsync("fleet", "--url", _url, "--key", _customer);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("acme-churn", output, StringComparison.Ordinal);
        Assert.Contains("acme-fraud", output, StringComparison.Ordinal);
        Assert.Contains("acme-upsell", output, StringComparison.Ordinal);
        Assert.Contains("2026-11-26 08:08 UTC", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-26T08:08", output, StringComparison.Ordinal);
        Assert.Contains("3 system(s), 2 lapsed", output, StringComparison.Ordinal);
        Assert.Contains("open alerts: monitoring-silent 2.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fleet_Json_IsTheApisAnswer()
    {
        var (exit, output, _) = await _cli.RunAsync("fleet", "--format", "json", "--url", _url, "--key", _vendor);
        var api = await _host.JsonAsync(HttpMethod.Get, "/api/fleet", _vendor);

        Assert.Equal(0, exit);
        using var printed = JsonDocument.Parse(output);
        Assert.Equal(api.GetRawText(), JsonSerializer.Serialize(printed.RootElement));
        Assert.Contains("\n  \"items\": [", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fleet_FailOnOpen_Exits4WhenALapsedSystemIsListed_And0WhenNone()
    {
        var all = await _cli.RunAsync("fleet", "--fail-on-open", "--url", _url, "--key", _vendor);
        var healthy = await _cli.RunAsync("fleet", "--state", "ok", "--fail-on-open", "--url", _url, "--key", _vendor);

        Assert.Equal(OpsExitCodes.OpenFound, all.Exit);
        Assert.Equal(0, healthy.Exit);
        Assert.Contains("acme-churn", healthy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("acme-fraud", healthy.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_FollowNextPages_UpToTheLimit()
    {
        var paged = new OpsCli(pageSize: 1);

        var two = await paged.RunAsync("alerts", "--state", "open", "--limit", "2", "--format", "json", "--url", _url, "--key", _customer);
        var one = await paged.RunAsync("alerts", "--limit", "1", "--format", "json", "--url", _url, "--key", _customer);
        var table = await paged.RunAsync("alerts", "--limit", "1", "--url", _url, "--key", _customer);

        using var all = JsonDocument.Parse(two.Output);
        Assert.Equal(["acme-upsell", "acme-fraud"], all.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("systemId").GetString()).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(JsonValueKind.Null, all.RootElement.GetProperty("next").ValueKind);
        using var first = JsonDocument.Parse(one.Output);
        Assert.Equal(1, first.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.String, first.RootElement.GetProperty("next").ValueKind);
        Assert.Contains("1 alert(s) shown, more behind them", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ack_AcknowledgesTheAlert_WithNoteAndBy_AndItLeavesTheOpenList()
    {
        var alert = (await _host.JsonAsync(HttpMethod.Get, "/api/alerts?systemId=acme-fraud", _customer)).GetProperty("items")[0].GetProperty("id").GetString()!;

        var (exit, output, _) = await _cli.RunAsync("ack", alert, "--note", "restarting the job", "--by", "ops@acme.example", "--url", _url, "--key", _customer);
        var stored = await _host.JsonAsync(HttpMethod.Get, $"/api/alerts/{alert}", _customer);
        var open = await _cli.RunAsync("alerts", "--state", "open", "--fail-on-open", "--format", "json", "--url", _url, "--key", _customer);

        Assert.Equal(0, exit);
        Assert.Contains($"Acknowledged {alert} (monitoring-silent on acme-fraud) by ops@acme.example at 2026-11-26 08:08 UTC.", output, StringComparison.Ordinal);
        Assert.Equal(("acknowledged", "ops@acme.example", "restarting the job"), (stored.GetProperty("state").GetString(), stored.GetProperty("acknowledgedBy").GetString(), stored.GetProperty("acknowledgementNote").GetString()));
        Assert.Equal(OpsExitCodes.OpenFound, open.Exit);
        using var listed = JsonDocument.Parse(open.Output);
        Assert.Equal(["acme-upsell"], listed.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("systemId").GetString()));
    }

    [Fact]
    public async Task Status_OfASystem_ShowsItsPracticesAndOpenAlerts_AndFailOnOpenTellsLapsedFromHealthy()
    {
        var silent = await _cli.RunAsync("status", "acme-upsell", "--fail-on-open", "--url", _url, "--key", _customer);
        var healthy = await _cli.RunAsync("status", "acme-churn", "--fail-on-open", "--url", _url, "--key", _customer);
        var json = await _cli.RunAsync("status", "acme-churn", "--format", "json", "--url", _url, "--key", _customer);

        Assert.Equal(OpsExitCodes.OpenFound, silent.Exit);
        Assert.Contains("acme-upsell", silent.Output, StringComparison.Ordinal);
        Assert.Contains("run-time monitoring", silent.Output, StringComparison.Ordinal);
        Assert.Contains("monitoring-silent", silent.Output, StringComparison.Ordinal);
        Assert.Equal(0, healthy.Exit);
        Assert.Contains("No open alerts.", healthy.Output, StringComparison.Ordinal);
        Assert.Contains($"{HumanTimeOf(_heartbeatAt)} (ok)", healthy.Output, StringComparison.Ordinal);
        using var status = JsonDocument.Parse(json.Output);
        Assert.Equal("up", status.RootElement.GetProperty("heartbeat").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Status_WithoutASystem_ListsTheFleet()
    {
        var (exit, output, _) = await _cli.RunAsync("status", "--url", _url, "--key", _customer);

        Assert.Equal(0, exit);
        Assert.Contains("3 system(s), 2 lapsed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAlert_Exits1_WithTheProblemOnStderr()
    {
        var (exit, output, error) = await _cli.RunAsync("ack", "acme-churn~nothing", "--url", _url, "--key", _customer);

        Assert.Equal(OpsExitCodes.ApiError, exit);
        Assert.Equal("", output);
        Assert.Contains("gapmonitor ack: 404 Not found.", error, StringComparison.Ordinal);
        Assert.Contains("Alert 'acme-churn~nothing' does not exist.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASystemOfAnotherTenant_Exits1AsNotFound()
    {
        var other = await _host.CreateKeyAsync("customer", customer: "globex");

        var (exit, _, error) = await _cli.RunAsync("status", "acme-churn", "--url", _url, "--key", other);

        Assert.Equal(OpsExitCodes.ApiError, exit);
        Assert.Contains("404", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValidationProblem_Exits1_NamingTheField()
    {
        var (exit, _, error) = await _cli.RunAsync("alerts", "--kind", "no-such-kind", "--url", _url, "--key", _customer);

        Assert.Equal(OpsExitCodes.ApiError, exit);
        Assert.Contains("400 The request is invalid.", error, StringComparison.Ordinal);
        Assert.Contains("  kind: One of ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongKey_Exits1_AsUnauthenticated()
    {
        var (exit, _, error) = await _cli.RunAsync("fleet", "--url", _url, "--key", "gm_not-a-real-key");

        Assert.Equal(OpsExitCodes.ApiError, exit);
        Assert.Contains("401 Authentication required.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEnvironment_GivesUrlAndKey_AndTheOptionsWinOverIt()
    {
        var fromEnvironment = new OpsCli(new Dictionary<string, string> { [OpsContext.UrlVariable] = _url, [OpsContext.KeyVariable] = _customer });
        var wrongInEnvironment = new OpsCli(new Dictionary<string, string> { [OpsContext.UrlVariable] = $"http://127.0.0.1:{FreeTcpPort.Next()}", [OpsContext.KeyVariable] = "gm_wrong" });

        var env = await fromEnvironment.RunAsync("fleet", "--format", "json");
        var overridden = await wrongInEnvironment.RunAsync("fleet", "--format", "json", "--url", _url, "--key", _customer);

        Assert.Equal(0, env.Exit);
        Assert.Equal(0, overridden.Exit);
        Assert.Equal(env.Output, overridden.Output);
        Assert.Equal(3, JsonDocument.Parse(env.Output).RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TheBuiltBinary_ReadsUrlAndKeyFromTheProcessEnvironment_AndExits2WithoutAKey()
    {
        var withEnvironment = await RunBinaryAsync(new Dictionary<string, string?> { [OpsContext.UrlVariable] = _url, [OpsContext.KeyVariable] = _customer }, "fleet", "--format", "json");
        var withoutKey = await RunBinaryAsync(new Dictionary<string, string?> { [OpsContext.UrlVariable] = _url, [OpsContext.KeyVariable] = null }, "fleet");

        Assert.True(withEnvironment.Exit == 0, withEnvironment.Error);
        Assert.Equal(3, JsonDocument.Parse(withEnvironment.Output).RootElement.GetProperty("totals").GetProperty("systems").GetInt32());
        Assert.DoesNotContain(_customer, withEnvironment.Output + withEnvironment.Error, StringComparison.Ordinal);
        Assert.Equal(OpsExitCodes.Usage, withoutKey.Exit);
        Assert.Contains("GAPMONITOR_KEY", withoutKey.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunBinaryAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gapmonitor.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string HumanTimeOf(DateTimeOffset at) => Core.Notifications.HumanTime.Format(at);
}
