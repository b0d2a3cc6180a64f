using GapMonitor.Core.Systems;
using GapMonitor.Testing;

namespace GapMonitor.Core.Tests.Systems;

public class RegistrationDefaultsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        Assert.Equal(TimeSpan.FromDays(14), RegistrationDefaults.VendorGracePeriod);
        Assert.Equal(TimeSpan.FromHours(1), RegistrationDefaults.HeartbeatPeriod);
        Assert.Equal(TimeSpan.FromMinutes(15), RegistrationDefaults.HeartbeatGrace);
        Assert.Equal(TimeSpan.FromHours(4), RegistrationDefaults.AcknowledgeWithin);
    }

    [Fact]
    public void DriftWindowLength_WhenNoTelemetrySettings_IsTheDefaultDay()
    {
        var system = new SystemBuilder().Build();

        Assert.Equal(TimeSpan.FromDays(1), system.DriftWindowLength());
        Assert.Equal(TelemetrySettings.DefaultDriftWindow, new TelemetrySettings().DriftWindow);
    }

    [Fact]
    public void DriftWindowLength_WhenSet_IsTheSystemsOwn()
    {
        var system = new SystemBuilder().Build() with { Telemetry = new TelemetrySettings { DriftWindow = TimeSpan.FromHours(6) } };

        Assert.Equal(TimeSpan.FromHours(6), system.DriftWindowLength());
    }

    [Theory]
    [InlineData("acme-churn", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("Acme", false)]
    [InlineData("acme_churn", false)]
    [InlineData("acme\n", false)]
    public void SystemIdsIsValid_AcceptsOnlyLowercaseLettersDigitsAndDashes(string id, bool expected)
    {
        Assert.Equal(expected, SystemIds.IsValid(id));
    }
}
