namespace GapMonitor.Functions.Tests.Support;

/// <summary>The Azurite that ./test.sh starts; each test run gets its own table prefix.</summary>
internal static class TestStorage
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("GAPMONITOR_TEST_STORAGE")
        ?? throw new InvalidOperationException("GAPMONITOR_TEST_STORAGE must hold an Azurite connection string; ./test.sh starts Azurite and sets it.");

    public static string NewTablePrefix() => "fn" + Guid.NewGuid().ToString("N")[..12];
}
