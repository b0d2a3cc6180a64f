using GapMonitor.Core.Keys;

namespace GapMonitor.Core.Tests.Keys;

public class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsActiveAt_BeforeItExpires_IsTrue()
    {
        Assert.True((Key() with { ExpiresAt = Now.AddSeconds(1) }).IsActiveAt(Now));
    }

    [Fact]
    public void IsActiveAt_WhenItExpires_IsFalse()
    {
        Assert.False((Key() with { ExpiresAt = Now }).IsActiveAt(Now));
    }

    [Fact]
    public void IsActiveAt_WhenRevoked_IsFalse()
    {
        Assert.False((Key() with { RevokedAt = Now.AddDays(-1) }).IsActiveAt(Now));
    }

    [Fact]
    public void ShouldRecordUseAt_WithinTheResolutionOfTheLastRecordedUse_IsFalse()
    {
        Assert.False((Key() with { LastUsedAt = Now - ApiKey.LastUsedResolution + TimeSpan.FromSeconds(1) }).ShouldRecordUseAt(Now));
    }

    [Fact]
    public void ShouldRecordUseAt_WhenNeverUsedOrLongAgo_IsTrue()
    {
        Assert.True(Key().ShouldRecordUseAt(Now));
        Assert.True((Key() with { LastUsedAt = Now - ApiKey.LastUsedResolution }).ShouldRecordUseAt(Now));
    }

    private static ApiKey Key() => new("0123456789abcdef", Role.Customer, null, "acme", null, "hash", Now.AddDays(-10));
}
