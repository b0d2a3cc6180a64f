using GapMonitor.Cli.Ops;
using GapMonitor.Testing;

namespace GapMonitor.Cli.Tests.Ops;

/// <summary>What the ops commands do before and without a service: usage errors exit 2, an unreachable service 3.</summary>
public sealed class OpsCommandsUsageTests
{
    private readonly OpsCli _cli = new();

    [Fact]
    public async Task NoKey_Exits2_SayingHowToGiveOne()
    {
        var (exit, output, error) = await _cli.RunAsync("fleet", "--url", "http://127.0.0.1:7071");

        Assert.Equal(OpsExitCodes.Usage, exit);
        Assert.Equal("", output);
        Assert.Contains("No API key: pass --key or set GAPMONITOR_KEY.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClosedPort_Exits3()
    {
        var url = $"http://127.0.0.1:{FreeTcpPort.Next()}";

        var (exit, output, error) = await _cli.RunAsync("alerts", "--url", url, "--key", "gm_some-key-value");

        Assert.Equal(OpsExitCodes.Unreachable, exit);
        Assert.Equal("", output);
        Assert.Contains($"gapmonitor alerts: Cannot reach {url}/", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fleet", "--owner", "nobody")]
    [InlineData("alerts", "--limit", "0")]
    [InlineData("alerts", "--state", "sleeping")]
    [InlineData("silence", "acme-churn", "--for", "PT4H")]
    [InlineData("ack")]
    [InlineData("fleet", "--format", "xml")]
    [InlineData("fleet", "--no-such-option")]
    public async Task BadArguments_Exit2(params string[] args)
    {
        var (exit, _, _) = await _cli.RunAsync([.. args, "--key", "gm_some-key-value"]);

        Assert.Equal(OpsExitCodes.Usage, exit);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:7071")]
    [InlineData("127.0.0.1:7071")]
    [InlineData("http://127.0.0.1:7071/?x=1")]
    public async Task ABadUrl_Exits2(string url)
    {
        var (exit, _, error) = await _cli.RunAsync("fleet", "--url", url, "--key", "gm_some-key-value");

        Assert.Equal(OpsExitCodes.Usage, exit);
        Assert.Contains("--url must be an http or https address", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_NamesTheExitCodes()
    {
        var (exit, output, _) = await _cli.RunAsync("alerts", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("3 cannot reach the service; 4 with --fail-on-open", output, StringComparison.Ordinal);
        Assert.Contains("GAPMONITOR_KEY", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_OfACommandWithoutFailOnOpen_NamesNoExitCode4()
    {
        var (exit, output, _) = await _cli.RunAsync("silence", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("3 cannot reach the service.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("--fail-on-open", output, StringComparison.Ordinal);
    }
}
