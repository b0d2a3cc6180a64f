using GapMonitor.Core.Alerts;
using GapMonitor.Core.Silences;
using GapMonitor.Testing;

namespace GapMonitor.Core.Tests.Silences;

public class SilenceRulesTests
{
    private static readonly DateTimeOffset Now = SystemBuilder.Epoch;

    [Fact]
    public void Check_AFineDraft_HasNoErrors_AndSilencesEveryKindWhenNoneAreNamed()
    {
        var draft = Draft(endsAt: Now + TimeSpan.FromHours(4));

        Assert.Empty(SilenceRules.Check(draft, Now));
        Assert.Equal(AlertKinds.All.Order(StringComparer.Ordinal), SilenceRules.KindsOf(draft));
    }

    [Fact]
    public void Check_AnUnknownKind_IsNamedByItsIndex()
    {
        var errors = SilenceRules.Check(Draft(kinds: [AlertKinds.DriftDetected, "drift"]), Now);

        Assert.Equal("kinds[1]", Assert.Single(errors).Field);
    }

    [Fact]
    public void Check_AnEmptyKindsList_IsRefused()
    {
        Assert.Equal("kinds", Assert.Single(SilenceRules.Check(Draft(kinds: []), Now)).Field);
    }

    [Fact]
    public void Check_EndsAt_IsRequiredAfterStartsAtAndAtMostThirtyDaysLater()
    {
        var startsAt = Now + TimeSpan.FromHours(1);
        Assert.Empty(SilenceRules.Check(Draft(startsAt: startsAt, endsAt: startsAt + TimeSpan.FromDays(30)), Now));
        Assert.Equal("endsAt", Assert.Single(SilenceRules.Check(Draft(startsAt: startsAt, endsAt: startsAt + TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1)), Now)).Field);
        Assert.Equal("endsAt", Assert.Single(SilenceRules.Check(Draft(startsAt: startsAt, endsAt: startsAt), Now)).Field);
        Assert.Equal("endsAt", Assert.Single(SilenceRules.Check(Draft() with { EndsAt = null }, Now)).Field);
    }

    [Fact]
    public void Check_StartsAt_MayLieAtMostFiveMinutesInThePast()
    {
        Assert.Empty(SilenceRules.Check(Draft(startsAt: Now - TimeSpan.FromMinutes(5)), Now));
        Assert.Equal("startsAt", Assert.Single(SilenceRules.Check(Draft(startsAt: Now - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1)), Now)).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Check_AReason_IsRequired(string? reason)
    {
        Assert.Equal("reason", Assert.Single(SilenceRules.Check(Draft() with { Reason = reason }, Now)).Field);
    }

    [Fact]
    public void Check_AReasonOrByTooLong_IsRefused()
    {
        var errors = SilenceRules.Check(Draft() with { Reason = new string('r', 1001), By = new string('b', 201) }, Now);

        Assert.Equal(["reason", "by"], errors.Select(e => e.Field));
    }

    private static SilenceDraft Draft(IReadOnlyList<string>? kinds = null, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null) =>
        new("acme-churn", kinds, startsAt, endsAt ?? Now + TimeSpan.FromHours(2), "Retraining the model", null);
}
