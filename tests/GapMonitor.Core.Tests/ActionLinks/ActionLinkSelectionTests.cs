using GapMonitor.Core.ActionLinks;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Tests.ActionLinks;

public sealed class ActionLinkSelectionTests
{
    private static AlertSnapshot Alert(string kind, string state) =>
        new("acme-churn.1", kind, state, "acme-churn", new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), "summary");

    [Theory]
    [InlineData("alert.opened", "monitoring-silent", "open", Party.Customer, "acknowledge snooze status")]
    [InlineData("alert.reminder", "drift-detected", "open", Party.Vendor, "acknowledge snooze status")]
    [InlineData("alert.acknowledged", "drift-detected", "acknowledged", Party.Customer, "acknowledge snooze status")]
    [InlineData("alert.resolved", "monitoring-silent", "resolved", Party.Customer, "status")]
    [InlineData("alert.opened", "ownership-unconfirmed", "open", Party.Customer, "acknowledge snooze confirmOwnership status")]
    [InlineData("alert.escalated", "ownership-unconfirmed", "open", Party.Vendor, "acknowledge snooze status")]
    [InlineData("alert.resolved", "ownership-unconfirmed", "resolved", Party.Customer, "status")]
    public void For_AnAlertNotification_DependsOnItsStateKindAndTheRecipientsParty(string type, string kind, string state, Party party, string expected) =>
        Assert.Equal(expected.Split(' '), ActionLinkSelection.For(type, Alert(kind, state), party));

    [Theory]
    [InlineData("handover.started", Party.Customer, "confirmOwnership status")]
    [InlineData("handover.grace-ending", Party.Customer, "confirmOwnership status")]
    [InlineData("handover.completed", Party.Customer, "confirmOwnership status")]
    [InlineData("handover.started", Party.Vendor, "status")]
    [InlineData("handover.completed", Party.Vendor, "status")]
    [InlineData("silence.created", Party.Customer, "status")]
    [InlineData("contact.test", Party.Vendor, "status")]
    public void For_ANotice_OffersConfirmOwnershipOnlyToTheCustomerOfAHandover(string type, Party party, string expected) =>
        Assert.Equal(expected.Split(' '), ActionLinkSelection.For(type, alert: null, party));
}
